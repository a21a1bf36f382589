package io.jenkins.plugins.dataops.engine.provision;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The throw-away environments created from the spec's ephemeral template, one small JSON file each under
 * {@code .dataops/ephemeral/}: name, owner, build and expiry. {@code gc} reads it to find expired ones; the
 * provider keeps owner and expiry on the resources too where it can (PostgreSQL comments, Azure tags).
 */
public final class EphemeralRegistry {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    /**
     * Creates the registry of a product.
     *
     * @param stateDir the product's state folder
     */
    public EphemeralRegistry(final Path stateDir) {
        this.folder = stateDir.resolve("ephemeral");
    }

    /**
     * One registered ephemeral environment.
     *
     * @param name      its name
     * @param owner     who created it
     * @param buildRef  the build that created it
     * @param expiresAt when gc may destroy it
     */
    public record Entry(String name, String owner, String buildRef, Instant expiresAt) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * Registers (or re-registers) an environment.
     *
     * @param entry the environment
     */
    public void save(final Entry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", entry.name());
        json.put("owner", entry.owner());
        json.put("buildRef", entry.buildRef());
        json.put("expiresAt", entry.expiresAt().toString());
        try {
            Files.createDirectories(folder);
            Files.writeString(file(entry.name()), JSON.writeValueAsString(json));
        } catch (IOException e) {
            throw new DataOpsException(
                    "Cannot register ephemeral environment '%s' in '%s': %s"
                            .formatted(entry.name(), folder, e.getMessage()),
                    e);
        }
    }

    /**
     * Finds a registered environment.
     *
     * @param name its name
     * @return the entry, empty when it is not registered
     */
    public Optional<Entry> find(final String name) {
        Path file = file(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<?, ?> json = JSON.readValue(file.toFile(), Map.class);
            return Optional.of(new Entry(
                    String.valueOf(json.get("name")),
                    String.valueOf(json.get("owner")),
                    String.valueOf(json.get("buildRef")),
                    Instant.parse(String.valueOf(json.get("expiresAt")))));
        } catch (IOException | RuntimeException e) {
            throw new DataOpsException(
                    "Ephemeral environment record '%s' is damaged: %s".formatted(file, e.getMessage()), e);
        }
    }

    /**
     * Lists every registered environment.
     *
     * @return the entries, by name
     */
    public List<Entry> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Entry> entries = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                String name = file.getFileName().toString();
                find(name.substring(0, name.length() - ".json".length())).ifPresent(entries::add);
            }
            return entries;
        } catch (IOException e) {
            throw new DataOpsException(
                    "Cannot list ephemeral environments in '%s': %s".formatted(folder, e.getMessage()), e);
        }
    }

    /**
     * Forgets an environment.
     *
     * @param name its name
     */
    public void remove(final String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new DataOpsException(
                    "Cannot unregister ephemeral environment '%s': %s".formatted(name, e.getMessage()), e);
        }
    }

    private Path file(final String name) {
        return folder.resolve(name + ".json");
    }
}
