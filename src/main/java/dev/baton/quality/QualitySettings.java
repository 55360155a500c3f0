package dev.baton.quality;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param staleAfter a contact not verified within this window is stale ({@code baton.data-quality.stale-after}) */
@ConfigurationProperties("baton.data-quality")
public record QualitySettings(@DefaultValue("P365D") Duration staleAfter) {}
