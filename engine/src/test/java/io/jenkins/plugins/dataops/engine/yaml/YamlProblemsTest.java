package io.jenkins.plugins.dataops.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

class YamlProblemsTest {
    private static final String DOCUMENT = """
            product: shop
            changelog: db/changelog.yaml
            environments:
              dev: { provider: h2 }
            """;

    @Test
    void shouldRecordEachProblemWithTheLineItsNodeStartsOn() {
        // Given
        MappingNode root = (MappingNode) new Yaml().compose(new StringReader(DOCUMENT));
        Node changelog = root.getValue().get(1).getValueNode();
        Node environments = root.getValue().get(2).getKeyNode();
        YamlProblems problems = new YamlProblems();

        // When
        problems.add(environments, "third");
        problems.add(changelog, "second");

        // Then
        assertThat(problems.format((line, message) -> line + ": " + message)).containsExactly("3: third", "2: second");
        assertThat(YamlProblems.line(root)).isEqualTo(1);
    }

    @Test
    void shouldCountProblemsRecordedAtALineWithoutANode() {
        // Given
        YamlProblems problems = new YamlProblems();
        boolean before = problems.any();

        // When
        problems.add(1, "is not valid YAML");

        // Then
        assertThat(before).isFalse();
        assertThat(problems.any()).isTrue();
        assertThat(problems.count()).isEqualTo(1);
        assertThat(problems.format("line %d: %s"::formatted)).containsExactly("line 1: is not valid YAML");
    }
}
