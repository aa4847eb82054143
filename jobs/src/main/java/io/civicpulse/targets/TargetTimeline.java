package io.civicpulse.targets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.civicpulse.kpi.KpiParameters;

/**
 * Reads the history of target changes (docs/decisions/0007). A change applies to the periods whose first day is on
 * or after its effective date, until the key's next change; of two changes of one key with the same effective date
 * the one recorded later applies (it corrects the other).
 */
public final class TargetTimeline {

    /** The order in which a key's changes take over: by effective date, then as recorded. */
    static final Comparator<TargetChange> TAKE_OVER = Comparator.comparing(TargetChange::effectiveFrom)
            .thenComparingLong(TargetChange::id);

    private TargetTimeline() {
    }

    /**
     * The target values the nightly run computes with: for each key, one entry per change that gives it a value,
     * in force from the change's effective date until the key's next change (open-ended for the latest). Changes
     * superseded on their own effective date leave no entry.
     */
    public static List<KpiParameters.Target> inForce(List<TargetChange> changes) {
        List<KpiParameters.Target> targets = new ArrayList<>();
        byKey(changes).forEach((key, keyChanges) -> {
            List<TargetChange> effective = effective(keyChanges);
            for (int i = 0; i < effective.size(); i++) {
                TargetChange change = effective.get(i);
                if (change.ended()) {
                    continue;
                }
                LocalDate until = i + 1 < effective.size() ? effective.get(i + 1).effectiveFrom() : null;
                LocalDate from = change.fromTheBeginning() ? null : change.effectiveFrom();
                targets.add(new KpiParameters.Target(key.kpi(), change.value(), key.department(), key.channel(),
                        change.weight(), from, until));
            }
        });
        return targets;
    }

    /** The change in force on {@code day} for each key that has a target then (not ended), by key. */
    public static Map<TargetKey, TargetChange> inForceOn(List<TargetChange> changes, LocalDate day) {
        Map<TargetKey, TargetChange> inForce = new TreeMap<>();
        byKey(changes).forEach((key, keyChanges) -> inForceOn(key, keyChanges, day)
                .ifPresent(change -> inForce.put(key, change)));
        return inForce;
    }

    /** The change of {@code key} in force on {@code day}, if it gives a value (an ended target has none). */
    public static Optional<TargetChange> inForceOn(TargetKey key, List<TargetChange> changes, LocalDate day) {
        return latestOn(key, changes, day).filter(change -> !change.ended());
    }

    /** The latest change of {@code key} effective on {@code day}, an ending included. */
    static Optional<TargetChange> latestOn(TargetKey key, List<TargetChange> changes, LocalDate day) {
        return changes.stream()
                .filter(change -> change.key().equals(key) && !change.effectiveFrom().isAfter(day))
                .max(TAKE_OVER);
    }

    /** The changes that take effect after {@code day} and are not corrected on their own date, soonest first. */
    public static List<TargetChange> upcoming(List<TargetChange> changes, LocalDate day) {
        List<TargetChange> upcoming = new ArrayList<>();
        byKey(changes).values().forEach(keyChanges -> effective(keyChanges).stream()
                .filter(change -> change.effectiveFrom().isAfter(day))
                .forEach(upcoming::add));
        upcoming.sort(TAKE_OVER.thenComparing(TargetChange::key));
        return upcoming;
    }

    private static Map<TargetKey, List<TargetChange>> byKey(List<TargetChange> changes) {
        Map<TargetKey, List<TargetChange>> byKey = new TreeMap<>();
        for (TargetChange change : changes) {
            byKey.computeIfAbsent(change.key(), k -> new ArrayList<>()).add(change);
        }
        return byKey;
    }

    /** A key's changes in the order they take over, keeping only the last one recorded for each date. */
    private static List<TargetChange> effective(List<TargetChange> keyChanges) {
        Map<LocalDate, TargetChange> lastPerDate = new LinkedHashMap<>();
        keyChanges.stream().sorted(TAKE_OVER).forEach(change -> lastPerDate.put(change.effectiveFrom(), change));
        return List.copyOf(lastPerDate.values());
    }
}
