package dev.baton.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Imports ({@code baton.imports.*}).
 *
 * @param maxFileSize a larger file is refused before any row is read (keep it below
 *     {@code spring.servlet.multipart.max-file-size})
 * @param chunkSize rows checked, looked up and written together
 */
@ConfigurationProperties("baton.imports")
public record ImportSettings(
        @DefaultValue("500MB") DataSize maxFileSize,
        @DefaultValue("1000") int chunkSize) {}
