package kz.aqparat.extraction.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Regression guard: the devset scores must not fall below what the extractor reached (see the README's table). */
class FactRuEvalTest {

    private static Path devset() {
        Path p = Path.of("datasets/factru-devset");
        return Files.isDirectory(p) ? p : Path.of("../datasets/factru-devset");
    }

    @Test
    void devsetScoresStayAboveTheFloor() {
        FactRuEval.Scores scores = FactRuEval.evaluate(devset());
        System.out.print(scores.table());
        assertEquals(122, scores.documents());
        assertTrue(scores.byType().get(FactRuEval.Type.PER).f1() >= 0.960, scores::table);
        assertTrue(scores.byType().get(FactRuEval.Type.LOC).f1() >= 0.935, scores::table);
        assertTrue(scores.byType().get(FactRuEval.Type.ORG).f1() >= 0.835, scores::table);
        assertEquals(FactRuEval.FOLDS, scores.folds().size());
        for (FactRuEval.Type t : FactRuEval.Type.values()) {
            long tokens = scores.folds().stream().mapToLong(f -> f.get(t).truePositives() + f.get(t).falseNegatives())
                    .sum();
            FactRuEval.Score all = scores.byType().get(t);
            assertEquals(all.truePositives() + all.falseNegatives(), tokens, "the folds split the gold tokens of " + t);
        }
    }
}
