-- People are listed by name in a language's order, not by code point: PostgreSQL's C collation (the
-- embedded database's default) put "Élodie" after "Zoe". ICU's root collation ("und") orders accented
-- letters with their base letter and ignores case at first; it is in every PostgreSQL built with ICU
-- (the embedded one and the official images). Without ICU, it is the database's own (libc) collation,
-- so lists still work, in the order they had.
do $$
begin
    create collation name_order (provider = icu, locale = 'und');
exception when others then
    execute format('create collation name_order (provider = libc, locale = %L)',
        (select datcollate from pg_database where datname = current_database()));
end
$$;
