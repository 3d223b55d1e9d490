package io.gaikan;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No package of gaikan-core imports one that imports it back, directly or around a loop (the data flow is data ->
 * augment -> model -> train -> eval -> report, experiments on top). Reads the main sources: imports and qualified
 * names in code (comments left out), and fails naming every loop with the files behind each of its edges.
 */
class PackageCyclesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    /** {@code io.gaikan.pkg.Type}: a lower-case package path followed by a capitalised type name. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.gaikan(?:\\.[a-z][a-z0-9_]*)*)\\.(?:[A-Z]|\\*)");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void noPackageImportsOneThatImportsItBack() throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from gaikan-core: " + MAIN.toAbsolutePath());
        Map<String, Map<String, Set<String>>> edges = dependencies(MAIN);
        assertTrue(edges.size() > 10, "found the packages: " + edges.keySet());
        List<String> loops = new ArrayList<>();
        for (Set<String> component : stronglyConnected(edges)) {
            if (component.size() > 1) {
                loops.add(describe(component, edges));
            }
        }
        assertEquals(List.of(), loops, "package loops:\n" + String.join("\n", loops));
    }

    @Test
    void theCheckFindsALoopAroundThreePackages() {
        Map<String, Map<String, Set<String>>> edges = new TreeMap<>();
        edges.put("a", Map.of("b", Set.of("A.java")));
        edges.put("b", Map.of("c", Set.of("B.java")));
        edges.put("c", Map.of("a", Set.of("C.java")));
        edges.put("d", Map.of("a", Set.of("D.java")));
        List<Set<String>> loops = stronglyConnected(edges).stream().filter(c -> c.size() > 1).toList();
        assertEquals(List.of(Set.of("a", "b", "c")), loops);
        assertTrue(describe(loops.get(0), edges).contains("b -> c (B.java)"));
    }

    /** Per package, the packages it refers to and, per referred package, the files that do. */
    static Map<String, Map<String, Set<String>>> dependencies(Path root) throws IOException {
        Map<String, Map<String, Set<String>>> edges = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher p = PACKAGE.matcher(text);
                if (!p.find()) {
                    continue;
                }
                String from = p.group(1);
                Map<String, Set<String>> out = edges.computeIfAbsent(from, k -> new TreeMap<>());
                Matcher ref = REFERENCE.matcher(COMMENTS.matcher(text).replaceAll(" "));
                while (ref.find()) {
                    String to = ref.group(1);
                    if (!to.equals(from)) {
                        out.computeIfAbsent(to, k -> new TreeSet<>()).add(root.relativize(file).toString());
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return edges;
    }

    /** Tarjan's strongly connected components: a component of more than one package is a loop. */
    static List<Set<String>> stronglyConnected(Map<String, Map<String, Set<String>>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String start : edges.keySet()) {
            if (!index.containsKey(start)) {
                visit(start, edges, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private static void visit(String v, Map<String, Map<String, Set<String>>> edges, Map<String, Integer> index,
                              Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                              List<Set<String>> components) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                visit(w, edges, index, low, stack, onStack, components);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            components.add(component);
        }
    }

    /** The loop's packages and every edge between them with the files behind it. */
    static String describe(Set<String> component, Map<String, Map<String, Set<String>>> edges) {
        StringBuilder s = new StringBuilder("  loop " + component + ":");
        for (String from : component) {
            edges.getOrDefault(from, Map.of()).forEach((to, files) -> {
                if (component.contains(to)) {
                    s.append("\n    ").append(from).append(" -> ").append(to).append(" (").append(String.join(", ", files))
                            .append(")");
                }
            });
        }
        return s.toString();
    }
}
