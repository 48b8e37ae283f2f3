package io.ballast.model.keepalived;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** HTTP status code lists as keepalived writes them ("200-299 401 503") and back. */
final class StatusCodes {

    private StatusCodes() {
    }

    static List<Integer> parse(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("status_code needs at least one code or range such as 200-299");
        }
        TreeSet<Integer> codes = new TreeSet<>();
        for (String word : words) {
            codes.addAll(expand(word));
        }
        return List.copyOf(codes);
    }

    static List<Integer> expand(String word) {
        String[] bounds = word.split("-", -1);
        try {
            int low = Integer.parseInt(bounds[0]);
            int high = bounds.length == 2 ? Integer.parseInt(bounds[1]) : low;
            if (bounds.length > 2 || low < 100 || high > 599 || low > high) {
                throw new NumberFormatException();
            }
            List<Integer> codes = new ArrayList<>();
            for (int c = low; c <= high; c++) {
                codes.add(c);
            }
            return codes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + word + "' is not an HTTP status code (100-599) or a range such as 200-299");
        }
    }

    /** Sorted codes folded into ranges: [200..299, 401] gives ["200-299", "401"]. */
    static List<String> fold(List<Integer> codes) {
        List<String> words = new ArrayList<>();
        List<Integer> sorted = List.copyOf(new TreeSet<>(codes));
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            words.add(i == j ? String.valueOf(sorted.get(i)) : sorted.get(i) + "-" + sorted.get(j));
            i = j + 1;
        }
        return words;
    }
}
