package dev.paperboy.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorListTest {

    @Test
    void listsUpToTheLimitThenEtAl() {
        assertThat(AuthorList.format(List.of("A", "B", "C"), 3)).isEqualTo("A, B, C");
        assertThat(AuthorList.format(List.of("A", "B", "C", "D"), 3)).isEqualTo("A, B, C, et al.");
        assertThat(AuthorList.format(List.of(), 3)).isEmpty();
    }

    @Test
    void anAuthorASearchNamedIsShownPastTheLimit() {
        List<String> authors = List.of("A", "B", "C", "D", "Quek", "F");
        assertThat(AuthorList.format(authors, 3, List.of("Quek"))).isEqualTo("A, B, C, …, Quek, et al.");
        assertThat(AuthorList.format(authors, 3, List.of("F"))).isEqualTo("A, B, C, …, F");
        assertThat(AuthorList.format(authors, 3, List.of("B"))).isEqualTo("A, B, C, et al.");
        assertThat(AuthorList.format(authors, 3, List.of("Quek", "F"))).isEqualTo("A, B, C, …, Quek, F");
    }

    @Test
    void halvesBudgetsDownToAFloor() {
        PaperBudget budget = PaperBudget.listing(600);
        for (int i = 0; i < 20 && !budget.atFloor(); i++) {
            budget = budget.halved();
        }
        assertThat(budget).isEqualTo(new PaperBudget(40, 1, 40, 0, 0));
    }
}
