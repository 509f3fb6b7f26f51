package io.modeltrust.ingest.registry;

import io.modeltrust.security.ApiProblem;
import io.modeltrust.ingest.upload.ClassValues;
import io.modeltrust.model.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classes of a binary model registered without {@code classes}, as its first reference shows them:
 * exactly two distinct label values (the prediction's, when the model has no label column), one of
 * them the positive class, and no prediction outside them. Anything else is refused, not guessed: a
 * third value would otherwise be counted as "not positive" and every figure would be wrong.
 */
public final class FirstReferenceClasses {

    private FirstReferenceClasses() {
    }

    /** The classes, negative first; throws a 400 naming what the reference holds otherwise. */
    public static List<String> of(ModelSpec spec, Map<String, Set<String>> distinct) {
        String outcome = spec.label() != null ? spec.label() : spec.prediction();
        Set<String> values = distinct.getOrDefault(outcome, Set.of());
        String positive = spec.positiveClass();
        if (values.size() != 2) {
            throw refuse(outcome, "the first reference of a binary model without classes fixes them, so its column "
                    + outcome + " must hold exactly two distinct values; it holds " + describe(values)
                    + ". Declare classes in the model spec, or correct the " + outcome + " column.");
        }
        if (!values.contains(positive)) {
            throw refuse(outcome, "positiveClass " + positive + " is none of the values of column " + outcome
                    + " in the reference: " + describe(values));
        }
        List<String> classes = new ArrayList<>();
        values.stream().filter(v -> !v.equals(positive)).forEach(classes::add);
        classes.add(positive);
        String favorable = spec.fairness() == null ? null : spec.fairness().favorableClass();
        if (favorable != null && classes.stream().noneMatch(c -> ClassValues.sameClass(c, favorable))) {
            throw refuse(outcome, "fairness.favorableClass " + favorable + " is none of the classes " + classes
                    + " that the reference's " + outcome + " column shows");
        }
        for (String p : distinct.getOrDefault(spec.prediction(), Set.of())) {
            if (!classes.contains(p)) {
                throw refuse(spec.prediction(), "the prediction " + p + " is none of the classes " + classes
                        + " that the reference's " + outcome + " column shows");
            }
        }
        return List.copyOf(classes);
    }

    private static String describe(Set<String> values) {
        if (values.isEmpty()) {
            return "no values";
        }
        return values.size() + " (" + String.join(", ", values) + (values.size() >= 20 ? ", …" : "") + ")";
    }

    private static ApiProblem refuse(String column, String message) {
        return new ApiProblem(400, "Invalid reference upload", message + " Nothing was published.",
                List.of(new ApiProblem.FieldError(null, column, message)), 1);
    }
}
