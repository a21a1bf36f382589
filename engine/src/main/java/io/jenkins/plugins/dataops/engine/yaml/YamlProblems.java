package io.jenkins.plugins.dataops.engine.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects the problems of one YAML file, each with its line (1-based), in the order they were found. Nothing is
 * thrown while reading: the caller reports them all at once, in its own wording.
 */
public final class YamlProblems {
    private final List<Problem> problems = new ArrayList<>();

    /**
     * Records a problem at a node.
     *
     * @param node    where it is (its start line counts)
     * @param message what is wrong, naming the key
     */
    public void add(final Node node, final String message) {
        add(line(node), message);
    }

    /**
     * Records a problem at a line, for mistakes that have no node (unparsable or empty documents).
     *
     * @param line    the 1-based line
     * @param message what is wrong
     */
    public void add(final int line, final String message) {
        problems.add(new Problem(line, message));
    }

    /**
     * Tells whether any problem was recorded.
     *
     * @return true when there is at least one
     */
    public boolean any() {
        return !problems.isEmpty();
    }

    /**
     * Returns how many problems were recorded.
     *
     * @return the count
     */
    public int count() {
        return problems.size();
    }

    /**
     * Formats every problem, in the order found.
     *
     * @param format turns a line and a message into one entry of the caller's report
     * @return the entries
     */
    public List<String> format(final BiFunction<Integer, String, String> format) {
        return problems.stream().map(p -> format.apply(p.line(), p.message())).toList();
    }

    /**
     * Returns the 1-based line a node starts on.
     *
     * @param node the node
     * @return its line
     */
    public static int line(final Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private record Problem(int line, String message) {}
}
