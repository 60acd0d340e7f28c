using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Inngest.Testing.Server;

namespace Inngest.Conformance.Tests;

/// <summary>
/// One wire-vector case (see /work/shared/spec/wire-vectors and docs/conformance.md): the client
/// options, environment variables and events given to BOTH clients, and what the server answers.
/// </summary>
/// <remarks>
/// Option names are the JS SDK's (<c>eventKey</c>, <c>baseUrl</c>, <c>isDev</c>, <c>env</c>); our client gets
/// the same values through <see cref="InngestClientOptions"/>. <c>{server}</c> in an option or a variable
/// stands for the capture server's address without the trailing slash, e.g. <c>http://127.0.0.1:41234</c>.
/// </remarks>
public sealed record ConformanceCase(string Id, string Description)
{
    /// <summary>The wire vectors' usual event (case a): name, data and user.</summary>
    public const string AccountCreated =
        """{"name":"app/account.created","data":{"accountId":"645e9f6794e10937e9bdc201","billingPlan":"pro"},"user":{"external_id":"645ea000129f1c40109ca7ad","email":"taylor@example.com"}}""";

    public JsonObject ClientOptions { get; init; } = new() { ["eventKey"] = "test-key-123", ["baseUrl"] = "{server}/" };

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>The JSON given to <c>inngest.send(...)</c>: one event object or an array of them.</summary>
    public string Payload { get; init; } = AccountCreated;

    /// <summary>The per-send <c>env</c> option (<see cref="InngestSendOptions.Env"/>).</summary>
    public string? SendEnv { get; init; }

    /// <summary>The capture server's first answers; after them it acknowledges like the Event API.</summary>
    public IReadOnlyList<ScriptedResponse> Plan { get; init; } = Array.Empty<ScriptedResponse>();

    /// <summary>
    /// The URL is the default one (https://inn.gs/, http://localhost:8288/), which the test must not
    /// reach: the JS SDK gets a recording <c>fetch</c> stub, our client a recording HttpMessageHandler.
    /// </summary>
    public bool DefaultUrl { get; init; }

    /// <summary>How many requests the official SDK made in the wire vector (and our client must make).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>The send fails (after <see cref="Attempts"/> requests).</summary>
    public bool Fails { get; init; }

    public override string ToString() => Id;

    /// <summary>Replaces <c>{server}</c> (scheme, host and port) and <c>{host}</c> (host and port only).</summary>
    public static string Substitute(string text, Uri? server)
        => server is null
            ? text
            : text.Replace("{server}", server.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
                .Replace("{host}", server.Authority, StringComparison.Ordinal);

    public JsonObject ClientOptionsFor(Uri? server)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in ClientOptions)
        {
            copy[name] = value is JsonValue v && v.TryGetValue<string>(out var s) ? JsonValue.Create(Substitute(s, server)) : value?.DeepClone();
        }

        return copy;
    }

    public IReadOnlyDictionary<string, string> EnvFor(Uri? server)
        => Env.ToDictionary(p => p.Key, p => Substitute(p.Value, server));
}

/// <summary>The cases both clients must put on the wire identically.</summary>
public static class Cases
{
    private static readonly ScriptedResponse Error500 = ScriptedResponse.Json(500, """{"error":"internal","status":500}""");

    public static readonly IReadOnlyList<ConformanceCase> Matching = new ConformanceCase[]
    {
        new("a-single", "single event with name, data and user"),
        new("b-array", "array of two events")
        {
            Payload = """[{"name":"app/invoice.created","data":{"invoiceId":"645e9e024befa68763f5b500"}},{"name":"app/invoice.created","data":{"invoiceId":"645e9e08f29fb563c972b1f7"}}]""",
        },
        new("c-id-ts-v", "explicit id, ts and v")
        {
            Payload = """{"name":"app/account.created","data":{"accountId":"645e9f6794e10937e9bdc201","billingPlan":"pro"},"user":{"external_id":"645ea000129f1c40109ca7ad","email":"taylor@example.com"},"id":"cart-checkout-completed-ed12c8bde","ts":1684274328198,"v":"2024-05-15.1"}""",
        },
        new("c2-field-order", "keys in another order, ts: 0 (JS: filled with now; ours: no Timestamp), non-ASCII and odd numbers")
        {
            Payload = """[{"v":"2024-05-15.1","ts":1684274328198,"id":"evt-1","name":"app/x","data":{"a":1}},{"name":"app/ts-zero","data":{"a":2},"ts":0},{"name":"app/unicode","data":{"s":"héllo ✓ \u2028 </script> \"q\" \\ 😀","n":1.5,"big":12345678901234567000,"nil":null,"arr":[1,"2",true]}}]""",
        },
        new("d1-env-client-option", "client option env") { ClientOptions = Options(env: "feature-branch-1") },
        new("d2-env-send-option", "per-send env option") { SendEnv = "per-send-branch" },
        new("d3-env-INNGEST_ENV", "INNGEST_ENV") { Env = Vars(("INNGEST_ENV", "env-var-branch")) },
        new("d4-env-precedence", "send option beats client option beats INNGEST_ENV")
        {
            ClientOptions = Options(env: "client-opt-branch"),
            Env = Vars(("INNGEST_ENV", "env-var-branch")),
            SendEnv = "per-send-branch",
        },
        new("d5-env-client-vs-envvar", "client option beats INNGEST_ENV")
        {
            ClientOptions = Options(env: "client-opt-branch"),
            Env = Vars(("INNGEST_ENV", "env-var-branch")),
        },
        new("d6-env-BRANCH_NAME", "BRANCH_NAME fallback") { Env = Vars(("BRANCH_NAME", "ci-branch")) },
        new("e1-dev-isDev-no-key", "isDev without a key sends NO_EVENT_KEY_SET")
        {
            ClientOptions = new JsonObject { ["isDev"] = true, ["baseUrl"] = "{server}/" },
        },
        new("e2-dev-INNGEST_DEV-url-no-key", "INNGEST_DEV holding the dev server URL")
        {
            ClientOptions = new JsonObject(),
            Env = Vars(("INNGEST_DEV", "{server}")),
        },
        new("e3-dev-INNGEST_DEV-1-default-url", "INNGEST_DEV=1: http://localhost:8288/ (recording stubs)")
        {
            ClientOptions = new JsonObject(),
            Env = Vars(("INNGEST_DEV", "1")),
            DefaultUrl = true,
        },
        new("e4-dev-isDev-with-key", "isDev with a key uses the key")
        {
            ClientOptions = new JsonObject { ["isDev"] = true, ["eventKey"] = "test-key-123", ["baseUrl"] = "{server}/" },
        },
        new("e5-cloud-default-url", "cloud default URL https://inn.gs/ (recording stubs)")
        {
            ClientOptions = new JsonObject { ["eventKey"] = "test-key-123" },
            DefaultUrl = true,
        },
        new("e6-INNGEST_BASE_URL-env", "INNGEST_EVENT_KEY and INNGEST_BASE_URL from the environment")
        {
            ClientOptions = new JsonObject(),
            Env = Vars(("INNGEST_EVENT_KEY", "env-key-456"), ("INNGEST_BASE_URL", "{server}/")),
        },
        new("e8-baseUrl-with-path-trailing-slash", "base URL with a path and a trailing slash")
        {
            ClientOptions = new JsonObject { ["eventKey"] = "test-key-123", ["baseUrl"] = "{server}/prefix/sub/" },
        },
        new("f-missing-key-cloud", "cloud mode without a key fails before any request")
        {
            ClientOptions = new JsonObject { ["baseUrl"] = "{server}/" },
            Attempts = 0,
            Fails = true,
        },
        new("f2-missing-key-isDev-false", "isDev: false without a key fails before any request")
        {
            ClientOptions = new JsonObject { ["isDev"] = false, ["baseUrl"] = "{server}/" },
            Attempts = 0,
            Fails = true,
        },
        new("f3-missing-key-empty-array", "no key and no events: no request, no error")
        {
            ClientOptions = new JsonObject { ["baseUrl"] = "{server}/" },
            Payload = "[]",
            Attempts = 0,
        },
        new("g2-data-missing", "data missing is sent as {}") { Payload = """{"name":"app/no-data"}""" },
        new("g3-empty-array", "empty array: no request, no ids") { Payload = "[]", Attempts = 0 },
        new("g4-data-null", "data: null is sent as {}") { Payload = """{"name":"app/null-data","data":null}""" },
        new("k2-201-status-200-in-body", "HTTP 201 with {ids, status: 200} is a success")
        {
            Plan = new[] { ScriptedResponse.Json(201, """{"ids":["01HYYYYYYYYYYYYYYYYYYYYYYY"],"status":200}""") },
        },
    };

    /// <summary>
    /// Not in the wire vectors: more of the settings precedence (event-api.md section 3) and payload
    /// shapes, checked against the official SDK the same way. A losing URL points at a closed port
    /// (127.0.0.1:9), so a client that picks it fails the case.
    /// </summary>
    public static readonly IReadOnlyList<ConformanceCase> Settings = new ConformanceCase[]
    {
        new("x1-INNGEST_DEV-host-port-without-scheme", "INNGEST_DEV=127.0.0.1:<port>: a dev URL without a scheme means http://")
        {
            ClientOptions = new JsonObject(),
            Env = Vars(("INNGEST_DEV", "{host}")),
        },
        new("x2-INNGEST_DEV-TRUE-uppercase", "INNGEST_DEV=TRUE means dev")
        {
            ClientOptions = new JsonObject { ["baseUrl"] = "{server}/" },
            Env = Vars(("INNGEST_DEV", "TRUE")),
        },
        new("x3-INNGEST_DEV-0-no-key", "INNGEST_DEV=0 means cloud: no key fails before any request")
        {
            ClientOptions = new JsonObject { ["baseUrl"] = "{server}/" },
            Env = Vars(("INNGEST_DEV", "0")),
            Attempts = 0,
            Fails = true,
        },
        new("x4-isDev-option-beats-INNGEST_DEV", "isDev: true beats INNGEST_DEV=false")
        {
            ClientOptions = new JsonObject { ["isDev"] = true, ["baseUrl"] = "{server}/" },
            Env = Vars(("INNGEST_DEV", "false")),
        },
        new("x5-EVENT_API_BASE_URL-beats-BASE_URL", "INNGEST_EVENT_API_BASE_URL beats INNGEST_BASE_URL")
        {
            ClientOptions = new JsonObject(),
            Env = Vars(("INNGEST_EVENT_KEY", "env-key-456"), ("INNGEST_EVENT_API_BASE_URL", "{server}/"), ("INNGEST_BASE_URL", "http://127.0.0.1:9/")),
        },
        new("x6-baseUrl-option-beats-env", "the baseUrl option beats INNGEST_EVENT_API_BASE_URL and INNGEST_BASE_URL")
        {
            ClientOptions = new JsonObject { ["eventKey"] = "test-key-123", ["baseUrl"] = "{server}/" },
            Env = Vars(("INNGEST_EVENT_API_BASE_URL", "http://127.0.0.1:9/"), ("INNGEST_BASE_URL", "http://127.0.0.1:9/")),
        },
        new("x7-BASE_URL-beats-INNGEST_DEV-url", "INNGEST_BASE_URL beats a URL in INNGEST_DEV")
        {
            ClientOptions = new JsonObject(),
            Env = Vars(("INNGEST_DEV", "http://127.0.0.1:9"), ("INNGEST_BASE_URL", "{server}/")),
        },
        new("x8-eventKey-option-beats-env", "the eventKey option beats INNGEST_EVENT_KEY")
        {
            ClientOptions = new JsonObject { ["eventKey"] = "option-key", ["baseUrl"] = "{server}/" },
            Env = Vars(("INNGEST_EVENT_KEY", "env-key-456")),
        },
        new("x9-empty-eventKey-option-falls-back", "an empty eventKey option falls back to INNGEST_EVENT_KEY")
        {
            ClientOptions = new JsonObject { ["eventKey"] = "", ["baseUrl"] = "{server}/" },
            Env = Vars(("INNGEST_EVENT_KEY", "env-key-456")),
        },
        new("x10-branch-variables-order", "VERCEL_GIT_COMMIT_REF beats BRANCH, CF_PAGES_BRANCH, RENDER_GIT_BRANCH, RAILWAY_GIT_BRANCH")
        {
            Env = Vars(("VERCEL_GIT_COMMIT_REF", "vercel"), ("BRANCH", "netlify"), ("CF_PAGES_BRANCH", "cloudflare"), ("RENDER_GIT_BRANCH", "render"), ("RAILWAY_GIT_BRANCH", "railway")),
        },
        new("x11-branch-BRANCH-over-CF", "BRANCH (Netlify) beats CF_PAGES_BRANCH")
        {
            Env = Vars(("BRANCH", "netlify"), ("CF_PAGES_BRANCH", "cloudflare"), ("RAILWAY_GIT_BRANCH", "railway")),
        },
        new("x12-branch-RENDER-over-RAILWAY", "RENDER_GIT_BRANCH beats RAILWAY_GIT_BRANCH")
        {
            Env = Vars(("RENDER_GIT_BRANCH", "render"), ("RAILWAY_GIT_BRANCH", "railway")),
        },
        new("x13-branch-RAILWAY", "RAILWAY_GIT_BRANCH alone") { Env = Vars(("RAILWAY_GIT_BRANCH", "railway")) },
        new("x14-empty-INNGEST_ENV-falls-back", "an empty INNGEST_ENV falls back to BRANCH_NAME")
        {
            Env = Vars(("INNGEST_ENV", ""), ("BRANCH_NAME", "ci-branch")),
        },
        new("x15-empty-send-env-keeps-client-env", "an empty per-send env keeps the client's env")
        {
            ClientOptions = Options(env: "client-opt-branch"),
            SendEnv = "",
        },
        new("x16-user-attributes-and-many-events", "user with extra attributes; three events, one with id only")
        {
            Payload = """[{"name":"app/a","data":{"n":[1,2,{"deep":{"x":null}}]},"user":{"external_id":"u1","plan":"pro","seats":3,"tags":["a","b"]}},{"name":"app/b","data":{},"id":"dedupe-1"},{"name":"app/c","data":{"t":"tab\tnewline\n"},"v":"1"}]""",
        },
    };

    /// <summary>Cases with retries: slower (the JS SDK waits 100 ms x 2^n plus jitter between attempts).</summary>
    public static readonly IReadOnlyList<ConformanceCase> Retrying = new ConformanceCase[]
    {
        new("h-500-twice-then-200", "500 twice, then 200: three attempts, one seed, one body")
        {
            Plan = new[] { Error500, Error500 },
            Attempts = 3,
        },
        new("h3-500-text-body-once", "500 with a text body once, then 200")
        {
            Plan = new[] { ScriptedResponse.Text(500, "Internal Server Error") },
            Attempts = 2,
        },
        new("h6-500-four-times-then-200", "500 four times, then 200 on the last allowed attempt")
        {
            Plan = new[] { Error500, Error500, Error500, Error500 },
            Attempts = 5,
        },
        new("h2-500-always", "500 every time: five attempts, then an error")
        {
            Plan = Enumerable.Repeat(ScriptedResponse.Empty(500), 5).ToArray(),
            Attempts = 5,
            Fails = true,
        },
        new("k3-200-error-field", "200 with an error and no ids every time: retried, then an error")
        {
            Plan = Enumerable.Repeat(ScriptedResponse.Json(200, """{"ids":[],"status":200,"error":"partial"}"""), 5).ToArray(),
            Attempts = 5,
            Fails = true,
        },
        new("k4-200-non-json", "200 with a text body every time: retried, then an error")
        {
            Plan = Enumerable.Repeat(ScriptedResponse.Text(200, "OK"), 5).ToArray(),
            Attempts = 5,
            Fails = true,
        },
    };

    public static IEnumerable<object[]> MatchingIds => Matching.Select(c => new object[] { c.Id });

    public static IEnumerable<object[]> SettingsIds => Settings.Select(c => new object[] { c.Id });

    public static IEnumerable<object[]> RetryingIds => Retrying.Select(c => new object[] { c.Id });

    public static ConformanceCase Get(string id) => Matching.Concat(Settings).Concat(Retrying).Single(c => c.Id == id);

    public static JsonObject Options(string? env = null)
    {
        var options = new JsonObject { ["eventKey"] = "test-key-123", ["baseUrl"] = "{server}/" };
        if (env is not null)
        {
            options["env"] = env;
        }

        return options;
    }

    public static IReadOnlyDictionary<string, string> Vars(params (string Name, string Value)[] vars)
        => vars.ToDictionary(v => v.Name, v => v.Value);
}
