package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What Baton reads from a FEEL expression at upload without a run: the constant an expression of no
 * variables gives, the variables a condition reads, and whether a condition answers yes or no without
 * the variables nothing sets (session 43's probe, findings 1 and 3).
 */
class ConstantFeelTests {

    @Test
    void anExpressionOfNoVariablesIsEvaluatedWhenItsWorkIsBoundedByItsLength() {
        assertThat(ConstantFeel.evaluate("=upper case(\"sales-emea\")"))
                .isEqualTo(new ConstantFeel.Constant("SALES-EMEA"));
        assertThat(ConstantFeel.evaluate("=if true then \"sales-emea\" else \"x\""))
                .isEqualTo(new ConstantFeel.Constant("sales-emea"));
        assertThat(ConstantFeel.evaluate("=string(12)")).isEqualTo(new ConstantFeel.Constant("12"));
        assertThat(ConstantFeel.evaluate("=concatenate([\"sales-emea\"],[\"zzz\"])"))
                .isEqualTo(new ConstantFeel.Constant(List.of("sales-emea", "zzz")));
        assertThat(ConstantFeel.evaluate("={a:\"sales-emea\"}"))
                .isEqualTo(new ConstantFeel.Constant(Map.of("a", "sales-emea")));
        assertThat(ConstantFeel.evaluate("=[]")).isEqualTo(new ConstantFeel.Constant(List.of()));
    }

    @Test
    void loopsRangesRegularExpressionsScalesAndVariablesAreNotEvaluated() {
        for (String costly : List.of(
                "=for i in 1..100000000 return i",
                "=some x in [1,2] satisfies x > 1",
                "=[1,2][item > 1]",
                "=matches(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\", \"(a+)+$\")",
                "=decimal(1, 100000000)",
                "=2 ** 100000000",
                "=sort([2, 1], function(x, y) x < y)",
                "=upper case(name)")) {
            assertThat(ConstantFeel.evaluate(costly)).as(costly).isInstanceOf(ConstantFeel.Computed.class);
        }
    }

    @Test
    void theVariablesAQuantifiedOrLoopingExpressionReadsLeaveOutTheNamesItBinds() {
        assertThat(ConstantFeel.variablesRead("=some x in items satisfies x > limit"))
                .containsExactlyInAnyOrder("items", "limit");
        assertThat(ConstantFeel.variablesRead("=every x in items, y in x satisfies y > 1"))
                .containsExactly("items");
        assertThat(ConstantFeel.variablesRead("=count(for d in deals return d.amount) > 2"))
                .containsExactly("deals");
    }

    /**
     * Session 44's probe: a filter made the whole condition unreadable, so a gateway on a list nothing sets was
     * deployed without a warning. The list is read; {@code item} and the names in the filter's condition (an
     * item's keys, or variables) are not reported.
     */
    @Test
    void aFilteredListIsReadButNotTheNamesOfItsCondition() {
        assertThat(ConstantFeel.variablesRead("=count(items[item > 1]) > 0")).containsExactly("items");
        assertThat(ConstantFeel.variablesRead("=deals[amount > 100] != []")).containsExactly("deals");
        assertThat(ConstantFeel.variablesRead("=some x in items[item > 1] satisfies x > limit"))
                .containsExactlyInAnyOrder("items", "limit");
        assertThat(ConstantFeel.variablesRead("=every x in items satisfies x[item > 1] = []"))
                .containsExactly("items");
        assertThat(ConstantFeel.variablesRead("=count(for x in items return x) > 0"))
                .containsExactly("items");
        // the incident's explanation wants every name read: a filter's keys or variables cannot be told apart
        assertThat(ConstantFeel.everyVariableRead("=deals[amount > limit] != []"))
                .isNull();
        assertThat(ConstantFeel.everyVariableRead("=items[item > 1] != []")).containsExactly("items");
    }

    @Test
    void aConditionThatChecksForAMissingVariableCopesAndOneThatReadsItBareDoesNot() {
        Set<String> amount = Set.of("amount");
        assertThat(ConstantFeel.copesWithout("=amount != null and amount > 100", amount, Set.of()))
                .contains(true);
        assertThat(ConstantFeel.copesWithout("=is defined(amount) and amount > 100", amount, Set.of()))
                .contains(true);
        assertThat(ConstantFeel.copesWithout("=amount > 100", amount, Set.of())).contains(false);
        assertThat(ConstantFeel.copesWithout("=amount != null or amount > 100", amount, Set.of()))
                .contains(false);
        assertThat(ConstantFeel.copesWithout("=some x in items satisfies x > 1", Set.of("items"), Set.of()))
                .contains(false);
    }

    @Test
    void onlyTheMissingVariablesDecideWhetherAConditionCopes() {
        // once the form sets callNote, amount is read: each run with a note stops
        assertThat(ConstantFeel.copesWithout(
                        "=callNote != null and amount > 100", Set.of("amount"), Set.of("callNote")))
                .contains(false);
        // no answer only for a callNote that is not a number: not amount's fault
        assertThat(ConstantFeel.copesWithout(
                        "=amount != null and amount > 100 or callNote > 5", Set.of("amount"), Set.of("callNote")))
                .contains(true);
        assertThat(ConstantFeel.copesWithout(
                        "=a > 1 and b > 1 and c > 1 and d > 1", Set.of("a"), Set.of("b", "c", "d")))
                .as("more than %s variables are not sampled", ConstantFeel.MAX_SAMPLED)
                .isEqualTo(Optional.empty());
        assertThat(ConstantFeel.copesWithout("=for i in 1..100000000 return amount", Set.of("amount"), Set.of()))
                .isEqualTo(Optional.empty());
    }

    /**
     * Session 46's second probe: a variable a condition reads as a number and a step as a person could never be
     * given, and the upload did not say so. The kinds of value a condition answers yes or no with are those it
     * can compare; one that answers with any value says nothing about the kind.
     */
    @Test
    void aConditionAnswersOnlyWithTheKindOfValueItCompares() {
        List<Object> samples = java.util.Arrays.stream(VariableKinds.Kind.values())
                .map(k -> k.sample)
                .toList(); // text, a number, yes/no, a list, a date
        assertThat(ConstantFeel.answersWith("=amount > 100", "amount", samples, List.of()))
                .contains(List.of(false, true, false, false, false));
        assertThat(ConstantFeel.answersWith("=count(reviewers) > 1", "reviewers", samples, List.of()))
                .contains(List.of(false, false, false, true, false));
        assertThat(ConstantFeel.answersWith("=approved", "approved", samples, List.of()))
                .contains(List.of(false, false, true, false, false));
        assertThat(ConstantFeel.answersWith("=due < today()", "due", samples, List.of()))
                .contains(List.of(false, false, false, false, true));
        // limit is set elsewhere: any value of it that answers will do (text with text, a date with a date)
        assertThat(ConstantFeel.answersWith("=amount != null and amount > limit", "amount", samples, List.of("limit")))
                .contains(List.of(true, true, false, false, true));
        assertThat(ConstantFeel.answersWith("=amount != null and amount > 100", "amount", samples, List.of()))
                .contains(List.of(false, true, false, false, false));
        assertThat(ConstantFeel.answersWith("=is defined(reviewer)", "reviewer", samples, List.of()))
                .contains(List.of(true, true, true, true, true));
    }
}
