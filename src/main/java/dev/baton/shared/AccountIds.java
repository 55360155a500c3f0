package dev.baton.shared;

/**
 * Whether an id names an account, for the modules the account module itself uses and so cannot call
 * (the audit trail's {@code ?accountId=} filter). Implemented by the account module, as {@link
 * ReaderZone} is by the people module.
 */
public interface AccountIds {

    /**
     * Checks the account a list's filter names: an id no account has is the caller's mistake, which an
     * empty list would pass off as an account with nothing on it.
     *
     * @param accountId the filter's account id, or null when the filter is not given (accepted)
     * @param parameter the filter's name in the API and on the page, for the problem detail
     * @throws BadRequestException at {@code parameter}, "no account N", when no account has the id
     */
    void requireExists(Long accountId, String parameter);
}
