package dev.baton.handover;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.handover.HandoverFixture.Book;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * An engine integration test whose every test starts from a book of its own ({@link HandoverFixture#book}):
 * a new departing rep in maria's line with one account, and a successor; not yet launched.
 */
public abstract class HandoverBookTest extends EngineIntegrationTest {

    @Autowired
    protected ApplicationContext context;

    protected HandoverFixture fixture;
    protected Book book;

    @BeforeEach
    void aBook() {
        fixture = new HandoverFixture(context);
        book = fixture.book();
    }
}
