package io.mrtck.reference.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * One admin command line split into words. Single or double quotes group words, as the
 * admin shell does. {@code execute} is special: everything after it is the statement,
 * quoted or not, because a shell may already have stripped the quotes.
 */
record AdminCommandLine(List<String> words, String statement) {

    static AdminCommandLine parse(String line) {
        String text = line == null ? "" : line.strip();
        if (text.isEmpty()) {
            throw new AdminException("empty command line");
        }
        String first = text.split("\\s+", 2)[0];
        if (first.equalsIgnoreCase("execute")) {
            String rest = text.substring(first.length()).strip();
            if (rest.length() >= 2 && (rest.charAt(0) == '\'' || rest.charAt(0) == '"')
                && rest.charAt(rest.length() - 1) == rest.charAt(0)) {
                rest = rest.substring(1, rest.length() - 1).strip();
            }
            if (rest.endsWith(";")) {
                rest = rest.substring(0, rest.length() - 1).strip();
            }
            if (rest.isEmpty()) {
                throw new AdminException("execute needs a statement: execute '<statement>'");
            }
            return new AdminCommandLine(List.of("execute"), rest);
        }
        return new AdminCommandLine(split(text), null);
    }

    private static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new AdminException("unbalanced quote " + quote + " in: " + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return List.copyOf(words);
    }

    /** The command's name words, lower case, up to the first option (e.g. "show mrtable-agent-statistics"). */
    String command() {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (w.startsWith("-")) {
                break;
            }
            sb.append(sb.length() == 0 ? "" : " ").append(w.toLowerCase(java.util.Locale.ROOT));
        }
        return sb.toString();
    }

    /** The words from the first option on. */
    List<String> options() {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).startsWith("-")) {
                return words.subList(i, words.size());
            }
        }
        return List.of();
    }
}
