package dev.baton.imports.web;

import dev.baton.imports.ImportKind;
import java.util.Locale;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * A kind in any case: {@code /imports/templates/accounts.csv} is the template the README names and the
 * file name the download is saved under, so a URL typed from either works as well as the upper-case
 * one the page links to ({@code kind=accounts} in the API too). Spring Boot adds Converter beans to
 * the MVC conversion service; an unknown kind stays a 400 naming the kinds.
 */
@Component
class ImportKindConverter implements Converter<String, ImportKind> {

    @Override
    public ImportKind convert(String source) {
        String kind = source.strip();
        return kind.isEmpty() ? null : ImportKind.valueOf(kind.toUpperCase(Locale.ROOT)); // "" as Spring reads it
    }
}
