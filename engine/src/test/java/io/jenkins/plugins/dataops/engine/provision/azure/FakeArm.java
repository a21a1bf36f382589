package io.jenkins.plugins.dataops.engine.provision.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.FixedDelay;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.resources.fluentcore.utils.HttpPipelineProvider;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A stateful fake of the Azure Resource Manager HTTP API for resource groups, logical SQL servers, databases
 * and firewall rules, on 127.0.0.1 over plain http. The real Azure SDK talks to it through {@link #connection()}.
 *
 * <p>It behaves like ARM where the provider can tell: servers and databases are long-running operations
 * ({@code 202} + absolute {@code Azure-AsyncOperation} URL, one {@code InProgress} poll, then
 * {@code Succeeded}), resource group deletion polls a {@code Location}, missing parents give
 * {@code ResourceGroupNotFound} / {@code ParentResourceNotFound}, database SKUs are normalised as ARM does
 * ({@code S1} becomes sku {@code Standard}/20 with service objective {@code S1}), every new server gets a
 * {@code master} database, and {@code administratorLoginPassword} is never echoed.</p>
 *
 * <p>It records method, path and api-version of each request and can inject failures (see {@link #inject}).</p>
 */
final class FakeArm implements AutoCloseable {
    static final String SUBSCRIPTION = "00000000-0000-0000-0000-0000000000a1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SQL = "/providers/microsoft.sql/servers/";

    static {
        // Without it the JDK server delays every response with a body by ~40 ms (Nagle).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One request as the fake received it. */
    record Request(String method, String path, String apiVersion, int status) {
        boolean isWrite() {
            return !"GET".equals(method) && !"HEAD".equals(method);
        }

        @Override
        public String toString() {
            return method + " " + path + "?api-version=" + apiVersion + " -> " + status;
        }
    }

    /** A failure to inject: the next {@code times} requests matching method and path get it. */
    private static final class Injection {
        private final String method;
        private final String pathPart;
        private final int status;
        private final String code;
        private final String message;
        private final boolean failOperation;
        private int times;

        Injection(
                final String method,
                final String pathPart,
                final int status,
                final String code,
                final String message,
                final boolean failOperation,
                final int times) {
            this.method = method;
            this.pathPart = pathPart.toLowerCase(Locale.ROOT);
            this.status = status;
            this.code = code;
            this.message = message;
            this.failOperation = failOperation;
            this.times = times;
        }

        boolean matches(final String requestMethod, final String path) {
            return method.equals(requestMethod) && path.toLowerCase(Locale.ROOT).contains(pathPart);
        }
    }

    /** A long-running operation: polled InProgress a few times, then Succeeded (running its effect) or Failed. */
    private static final class Operation {
        private final Runnable effect;
        private final Injection failure;
        private int pollsLeft;
        private String status = "InProgress";

        Operation(final Runnable effect, final Injection failure, final int polls) {
            this.effect = effect;
            this.failure = failure;
            this.pollsLeft = polls;
        }

        synchronized String poll() {
            if ("InProgress".equals(status)) {
                if (pollsLeft-- > 0) {
                    return status;
                }
                if (failure == null) {
                    effect.run();
                    status = "Succeeded";
                } else {
                    status = "Failed";
                }
            }
            return status;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, ObjectNode> resources = new ConcurrentHashMap<>();
    private final Map<String, String> adminPasswords = new ConcurrentHashMap<>();
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final List<Injection> injections = new ArrayList<>();
    private final String base;

    private FakeArm() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Starts a fake on a free port, and makes the SDK poll long-running operations without its 30 s default
     * delay (a JVM-wide setting of the SDK: tests only).
     *
     * @return the running fake
     */
    static FakeArm start() {
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(delay -> Duration.ofMillis(1));
        // The JDK client warns about the restricted content-length header on every other request.
        Logger.getLogger("com.azure.core.http.jdk.httpclient").setLevel(Level.SEVERE);
        try {
            return new FakeArm();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds the connection the provider uses: the public cloud's endpoints with ARM replaced by this fake, the
     * SDK's own pipeline without a credential (its bearer policy refuses http) plus a dummy bearer header, and
     * a retry policy with tiny delays.
     *
     * @return the connection
     */
    ArmConnection connection() {
        Map<String, String> endpoints = new LinkedHashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", base + "/");
        AzureProfile profile = new AzureProfile("fake-tenant", SUBSCRIPTION, new AzureEnvironment(endpoints));
        return new ArmConnection(
                profile,
                HttpPipelineProvider.buildHttpPipeline(
                        null,
                        profile,
                        null,
                        new HttpLogOptions(),
                        null,
                        new RetryPolicy(new FixedDelay(3, Duration.ofMillis(5))),
                        List.of(new AddHeadersPolicy(
                                new HttpHeaders().set(HttpHeaderName.AUTHORIZATION, "Bearer fake-token"))),
                        new JdkHttpClientBuilder().build()));
    }

    /**
     * Injects a failure: the next {@code times} requests with this method whose path contains {@code pathPart}
     * (case-insensitive) are answered with the status and an ARM error body. A 429 carries {@code Retry-After: 0}.
     */
    FakeArm inject(
            final String method,
            final String pathPart,
            final int status,
            final String code,
            final String message,
            final int times) {
        synchronized (injections) {
            injections.add(new Injection(method, pathPart, status, code, message, false, times));
        }
        return this;
    }

    /** Makes the next long-running operation started by a matching request end {@code Failed}. */
    FakeArm failOperation(final String method, final String pathPart, final String code, final String message) {
        synchronized (injections) {
            injections.add(new Injection(method, pathPart, 0, code, message, true, 1));
        }
        return this;
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Request> writes() {
        return requests().stream().filter(Request::isWrite).toList();
    }

    void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    // ---- state for tests: paths are relative to the subscription, e.g. "resourceGroups/rg/providers/..." ----

    static String groupPath(final String group) {
        return "resourceGroups/" + group;
    }

    static String serverPath(final String group, final String server) {
        return groupPath(group) + "/providers/Microsoft.Sql/servers/" + server;
    }

    static String databasePath(final String group, final String server, final String database) {
        return serverPath(group, server) + "/databases/" + database;
    }

    static String rulePath(final String group, final String server, final String rule) {
        return serverPath(group, server) + "/firewallRules/" + rule;
    }

    Optional<JsonNode> resource(final String path) {
        return Optional.ofNullable(resources.get(key(id(path))));
    }

    Optional<String> adminPassword(final String group, final String server) {
        return Optional.ofNullable(adminPasswords.get(key(id(serverPath(group, server)))));
    }

    /** Creates a resource directly, as if someone else had made it. */
    void seed(
            final String path,
            final String location,
            final Map<String, String> tags,
            final Map<String, Object> properties) {
        String id = id(path);
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id).put("name", id.substring(id.lastIndexOf('/') + 1)).put("type", typeOf(id));
        if (location != null) {
            node.put("location", location);
        }
        node.set("tags", JSON.valueToTree(tags));
        node.set("properties", JSON.valueToTree(properties));
        resources.put(key(id), node);
        if (id.toLowerCase(Locale.ROOT)
                .endsWith("/providers/microsoft.sql/servers/"
                        + node.get("name").asText().toLowerCase(Locale.ROOT))) {
            addMaster(id, location);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- HTTP handling ----

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            String apiVersion = query(uri.getRawQuery(), "api-version");
            Response response = respond(exchange, method, path, apiVersion);
            synchronized (requests) {
                requests.add(new Request(method, path, apiVersion, response.status));
            }
            response.headers.forEach(
                    (name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] body = response.body == null ? new byte[0] : response.body.getBytes(StandardCharsets.UTF_8);
            if (body.length > 0) {
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            }
            exchange.sendResponseHeaders(response.status, body.length == 0 || "HEAD".equals(method) ? -1 : body.length);
            if (body.length > 0 && !"HEAD".equals(method)) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private record Response(int status, String body, Map<String, String> headers) {
        static Response of(final int status, final String body) {
            return new Response(status, body, Map.of());
        }
    }

    private Response respond(
            final HttpExchange exchange, final String method, final String path, final String apiVersion)
            throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return error(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
        }
        if (apiVersion == null) {
            return error(
                    400,
                    "MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.");
        }
        Operation operation = operations.get(path.substring(path.lastIndexOf('/') + 1));
        if (operation != null) {
            return poll(path, operation);
        }
        Injection injection = takeInjection(method, path);
        if (injection != null && !injection.failOperation) {
            Map<String, String> headers = injection.status == 429 ? Map.of("Retry-After", "0") : Map.of();
            return new Response(injection.status, errorBody(injection.code, injection.message), headers);
        }
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        Response response = route(method, path, body, injection);
        // Like ARM, operation URLs carry the api-version of the request that started the operation.
        Map<String, String> headers = new LinkedHashMap<>(response.headers);
        headers.replaceAll((name, value) -> value.startsWith(base) ? value + "?api-version=" + apiVersion : value);
        return new Response(response.status, response.body, headers);
    }

    private Response route(final String method, final String path, final JsonNode body, final Injection failure) {
        String lower = path.toLowerCase(Locale.ROOT);
        String prefix = "/subscriptions/" + SUBSCRIPTION + "/resourcegroups/";
        if (!lower.startsWith(prefix)) {
            return error(404, "NotFound", "The fake does not serve " + path);
        }
        String[] parts = lower.substring(prefix.length()).split("/");
        if (parts.length == 1) {
            return resourceGroup(method, path, body);
        }
        if (parts.length == 2 && "resources".equals(parts[1]) && "GET".equals(method)) {
            return listResources(parts[0]);
        }
        if (lower.contains(SQL)) {
            return sql(method, path, body, failure);
        }
        return error(404, "NotFound", "The fake does not serve " + path);
    }

    private Response resourceGroup(final String method, final String path, final JsonNode body) {
        String id = path;
        ObjectNode existing = resources.get(key(id));
        switch (method) {
            case "GET", "HEAD":
                return existing == null
                        ? notFound("ResourceGroupNotFound", "Resource group", id)
                        : Response.of("HEAD".equals(method) ? 204 : 200, existing.toString());
            case "PUT", "PATCH":
                ObjectNode node = existing == null ? JSON.createObjectNode() : existing.deepCopy();
                node.put("id", id)
                        .put("name", id.substring(id.lastIndexOf('/') + 1))
                        .put("type", "Microsoft.Resources/resourceGroups");
                if (body.has("location")) {
                    node.set("location", body.get("location"));
                }
                if (body.has("tags")) {
                    node.set("tags", body.get("tags"));
                }
                node.putObject("properties").put("provisioningState", "Succeeded");
                resources.put(key(id), node);
                return Response.of(existing == null ? 201 : 200, node.toString());
            case "DELETE":
                if (existing == null) {
                    return Response.of(404, errorBody("ResourceGroupNotFound", "Resource group not found."));
                }
                String operationId = newOperation(() -> removeTree(id), null);
                return new Response(
                        202,
                        null,
                        Map.of(
                                "Location",
                                base + "/subscriptions/" + SUBSCRIPTION + "/operationresults/" + operationId,
                                "Retry-After",
                                "0"));
            default:
                return error(405, "MethodNotAllowed", method + " " + path);
        }
    }

    private Response listResources(final String group) {
        String groupKey = key("/subscriptions/" + SUBSCRIPTION + "/resourcegroups/" + group) + "/";
        ArrayNode value = JSON.createArrayNode();
        resources.entrySet().stream()
                .filter(e -> e.getKey().startsWith(groupKey))
                .filter(e -> !e.getKey().contains("/firewallrules/"))
                .forEach(e -> {
                    ObjectNode item = value.addObject();
                    item.set("id", e.getValue().get("id"));
                    item.set("name", e.getValue().get("name"));
                    item.set("type", e.getValue().get("type"));
                    item.set("location", e.getValue().get("location"));
                    item.set("tags", e.getValue().get("tags"));
                });
        return Response.of(200, JSON.createObjectNode().set("value", value).toString());
    }

    private Response sql(final String method, final String path, final JsonNode body, final Injection failure) {
        String lower = path.toLowerCase(Locale.ROOT);
        String afterServers = lower.substring(lower.indexOf(SQL) + SQL.length());
        String[] parts = afterServers.split("/");
        String serverId = path.substring(0, lower.indexOf(SQL) + SQL.length() + parts[0].length());
        String groupId = path.substring(0, lower.indexOf(SQL));
        if (parts.length == 2 && "GET".equals(method)) {
            return list(serverId, parts[1]);
        }
        boolean isServer = parts.length == 1;
        if (!isServer && parts.length != 3) {
            return error(404, "NotFound", "The fake does not serve " + path);
        }
        ObjectNode existing = resources.get(key(path));
        if ("GET".equals(method)) {
            return existing == null
                    ? notFound(
                            isServer ? "ResourceNotFound" : "ResourceNotFound", isServer ? "Server" : "Resource", path)
                    : Response.of(200, existing.toString());
        }
        if (!resources.containsKey(key(groupId))) {
            return notFound("ResourceGroupNotFound", "Resource group", groupId);
        }
        if (!isServer && !resources.containsKey(key(serverId))) {
            return notFound("ParentResourceNotFound", "Server", serverId);
        }
        boolean longRunning = isServer || "databases".equals(parts[1]);
        if ("DELETE".equals(method)) {
            if (existing == null) {
                return Response.of(204, null);
            }
            if (longRunning) {
                return accepted(path, () -> removeTree(path), failure);
            }
            removeTree(path);
            return Response.of(200, null);
        }
        if ("PUT".equals(method) || "PATCH".equals(method)) {
            ObjectNode node = merge(path, existing, body, isServer ? "server" : parts[1]);
            if (!longRunning) {
                resources.put(key(path), node);
                return Response.of(existing == null ? 201 : 200, node.toString());
            }
            String password =
                    body.path("properties").path("administratorLoginPassword").asText(null);
            return accepted(
                    path,
                    () -> {
                        resources.put(key(path), node);
                        if (password != null) {
                            adminPasswords.put(key(path), password);
                        }
                        if (isServer && existing == null) {
                            addMaster(path, node.path("location").asText(null));
                        }
                    },
                    failure);
        }
        return error(405, "MethodNotAllowed", method + " " + path);
    }

    private ObjectNode merge(final String path, final ObjectNode existing, final JsonNode body, final String kind) {
        ObjectNode node = existing == null ? JSON.createObjectNode() : existing.deepCopy();
        node.put("id", path)
                .put("name", path.substring(path.lastIndexOf('/') + 1))
                .put("type", typeOf(path));
        for (String field : List.of("location", "tags")) {
            if (body.has(field)) {
                node.set(field, body.get(field));
            }
        }
        ObjectNode properties =
                node.has("properties") ? (ObjectNode) node.get("properties") : node.putObject("properties");
        body.path("properties").properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
        properties.remove("administratorLoginPassword");
        switch (kind) {
            case "server" ->
                properties
                        .put("state", "Ready")
                        .put("version", "12.0")
                        .put("fullyQualifiedDomainName", node.get("name").asText() + ".database.windows.net");
            case "databases" -> normaliseSku(node, body, properties);
            default -> {}
        }
        return node;
    }

    /** As ARM does: the request names a service objective, the response reports tier and capacity. */
    private static void normaliseSku(final ObjectNode node, final JsonNode body, final ObjectNode properties) {
        properties.put("status", "Online");
        if (!properties.has("maxSizeBytes")) {
            properties.put("maxSizeBytes", 268_435_456_000L);
        }
        String objective = body.path("sku").path("name").asText(null);
        if (objective == null) {
            return;
        }
        Map<String, Object[]> dtu = Map.of(
                "basic",
                new Object[] {"Basic", 5},
                "s0",
                new Object[] {"Standard", 10},
                "s1",
                new Object[] {"Standard", 20},
                "s2",
                new Object[] {"Standard", 50},
                "p1",
                new Object[] {"Premium", 125},
                "p2",
                new Object[] {"Premium", 250});
        ObjectNode sku = node.putObject("sku");
        Object[] tier = dtu.get(objective.toLowerCase(Locale.ROOT));
        if (tier != null) {
            sku.put("name", (String) tier[0]).put("tier", (String) tier[0]).put("capacity", (Integer) tier[1]);
        } else {
            int cut = objective.lastIndexOf('_');
            sku.put("name", cut > 0 ? objective.substring(0, cut) : objective)
                    .put("tier", objective.startsWith("GP") ? "GeneralPurpose" : "BusinessCritical");
            if (cut > 0) {
                sku.put("capacity", Integer.parseInt(objective.substring(cut + 1)));
            }
        }
        properties.put("currentServiceObjectiveName", objective).put("requestedServiceObjectiveName", objective);
    }

    private Response list(final String serverId, final String children) {
        String childKey = key(serverId) + "/" + children + "/";
        ArrayNode value = JSON.createArrayNode();
        resources.entrySet().stream()
                .filter(e -> e.getKey().startsWith(childKey))
                .filter(e -> e.getKey().indexOf('/', childKey.length()) < 0)
                .forEach(e -> value.add(e.getValue()));
        return Response.of(200, JSON.createObjectNode().set("value", value).toString());
    }

    private Response accepted(final String path, final Runnable effect, final Injection failure) {
        String operationId = newOperation(effect, failure);
        String location = resources
                .getOrDefault(key(path), JSON.createObjectNode())
                .path("location")
                .asText("westeurope");
        String kind = path.toLowerCase(Locale.ROOT).contains("/databases/") ? "database" : "server";
        String operations =
                base + "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Sql/locations/" + location + "/";
        return new Response(
                202,
                null,
                Map.of(
                        "Azure-AsyncOperation",
                        operations + kind + "AzureAsyncOperation/" + operationId,
                        "Location",
                        operations + kind + "OperationResults/" + operationId));
    }

    private String newOperation(final Runnable effect, final Injection failure) {
        String id = UUID.randomUUID().toString();
        operations.put(id, new Operation(effect, failure, 1));
        return id;
    }

    private Response poll(final String path, final Operation operation) {
        String status = operation.poll();
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("/operationresults/") && !lower.contains("/providers/")) {
            return Response.of("InProgress".equals(status) ? 202 : 200, null);
        }
        if (lower.contains("operationresults/")) {
            return Response.of(200, null);
        }
        ObjectNode body = JSON.createObjectNode()
                .put("name", path.substring(path.lastIndexOf('/') + 1))
                .put("status", status);
        if ("Failed".equals(status)) {
            body.putObject("error").put("code", operation.failure.code).put("message", operation.failure.message);
        }
        return Response.of(200, body.toString());
    }

    private Injection takeInjection(final String method, final String path) {
        synchronized (injections) {
            Iterator<Injection> it = injections.iterator();
            while (it.hasNext()) {
                Injection injection = it.next();
                if (injection.matches(method, path)) {
                    if (--injection.times <= 0) {
                        it.remove();
                    }
                    return injection;
                }
            }
            return null;
        }
    }

    private void addMaster(final String serverId, final String location) {
        String id = serverId + "/databases/master";
        ObjectNode master = JSON.createObjectNode()
                .put("id", id)
                .put("name", "master")
                .put("type", "Microsoft.Sql/servers/databases");
        if (location != null) {
            master.put("location", location);
        }
        master.putObject("sku").put("name", "System").put("tier", "System");
        master.putObject("properties").put("status", "Online").put("currentServiceObjectiveName", "System0");
        resources.put(key(id), master);
    }

    private void removeTree(final String id) {
        String prefix = key(id);
        resources.keySet().removeIf(k -> k.equals(prefix) || k.startsWith(prefix + "/"));
    }

    private static String id(final String relativePath) {
        return "/subscriptions/" + SUBSCRIPTION + "/" + relativePath;
    }

    private static String key(final String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static String typeOf(final String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        if (lower.contains("/firewallrules/")) {
            return "Microsoft.Sql/servers/firewallRules";
        }
        if (lower.contains("/databases/")) {
            return "Microsoft.Sql/servers/databases";
        }
        return lower.contains(SQL) ? "Microsoft.Sql/servers" : "Microsoft.Resources/resourceGroups";
    }

    private static Response notFound(final String code, final String what, final String id) {
        return error(404, code, "%s '%s' could not be found.".formatted(what, id.substring(id.lastIndexOf('/') + 1)));
    }

    private static Response error(final int status, final String code, final String message) {
        return Response.of(status, errorBody(code, message));
    }

    private static String errorBody(final String code, final String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        return body.toString();
    }

    private static String query(final String rawQuery, final String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }
}
