using System;

namespace Inngest;

/// <summary>
/// The client's configuration after the options and the environment variables are combined, with
/// the precedence of the official SDKs (event-api.md, section 3). Built once per client.
/// </summary>
internal sealed class InngestSettings
{
    public const string NoEventKeySet = "NO_EVENT_KEY_SET";
    public static readonly Uri CloudEventBaseUrl = new("https://inn.gs/");
    public static readonly Uri DevEventBaseUrl = new("http://localhost:8288/");

    /// <summary>The branch variables CI and hosting platforms set, after <c>INNGEST_ENV</c>.</summary>
    internal static readonly string[] BranchVariables =
    {
        "BRANCH_NAME", "VERCEL_GIT_COMMIT_REF", "BRANCH", "CF_PAGES_BRANCH", "RENDER_GIT_BRANCH", "RAILWAY_GIT_BRANCH",
    };

    private InngestSettings(bool isDev, Uri eventBaseUrl, string? eventKey, Uri? eventUrl, string? env)
    {
        IsDev = isDev;
        EventBaseUrl = eventBaseUrl;
        EventKey = eventKey;
        EventUrl = eventUrl;
        Env = env;
    }

    public bool IsDev { get; }

    /// <summary>The base URL, always ending in <c>/</c>; it holds no key.</summary>
    public Uri EventBaseUrl { get; }

    /// <summary>The key sent in the path (possibly the dev placeholder), for redaction only; never shown.</summary>
    public string? EventKey { get; }

    /// <summary><c>{base}e/{escaped key}</c>, or null in cloud mode without a key.</summary>
    public Uri? EventUrl { get; }

    public string? Env { get; }

    public static InngestSettings Resolve(InngestClientOptions options, string prefix = ClientOptionsRules.DefaultPrefix)
    {
        var read = options.EnvironmentReader ?? (static _ => null);
        string? Var(string name)
        {
            var value = read(name);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        // Mode: option, then INNGEST_DEV (1/true, 0/false, or a dev server URL).
        var devVariable = Var("INNGEST_DEV");
        Uri? devUrlFromVariable = null;
        bool? devFromVariable = null;
        if (devVariable is not null)
        {
            if (devVariable == "1" || devVariable.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                devFromVariable = true;
            }
            else if (devVariable == "0" || devVariable.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                devFromVariable = false;
            }
            else
            {
                devUrlFromVariable = ParseDevUrl(devVariable);
                devFromVariable = true;
            }
        }

        var isDev = options.IsDev ?? devFromVariable ?? false;

        // Base URL: option, INNGEST_EVENT_API_BASE_URL, INNGEST_BASE_URL, the INNGEST_DEV URL (dev mode only), default.
        Uri baseUrl;
        string baseSource;
        if (!string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            baseSource = prefix + "BaseUrl";
            baseUrl = ParseBaseUrl(options.BaseUrl!, baseSource, "set it to an absolute http(s) URL such as https://inn.gs/");
        }
        else if (Var("INNGEST_EVENT_API_BASE_URL") is { } eventApiBase)
        {
            baseSource = "INNGEST_EVENT_API_BASE_URL";
            baseUrl = ParseBaseUrl(eventApiBase, baseSource, "set it to an absolute http(s) URL or unset it");
        }
        else if (Var("INNGEST_BASE_URL") is { } inngestBase)
        {
            baseSource = "INNGEST_BASE_URL";
            baseUrl = ParseBaseUrl(inngestBase, baseSource, "set it to an absolute http(s) URL or unset it");
        }
        else if (isDev && devUrlFromVariable is not null)
        {
            baseSource = "INNGEST_DEV";
            baseUrl = devUrlFromVariable;
        }
        else
        {
            baseSource = "the default base URL";
            baseUrl = isDev ? DevEventBaseUrl : CloudEventBaseUrl;
        }

        // Event key: option, INNGEST_EVENT_KEY, then the dev placeholder.
        var key = !string.IsNullOrEmpty(options.EventKey) ? options.EventKey : Var("INNGEST_EVENT_KEY");
        if (key is null && isDev)
        {
            key = NoEventKeySet;
        }

        if (key is not null && key != NoEventKeySet && baseUrl.Scheme == Uri.UriSchemeHttp && !baseUrl.IsLoopback && !options.AllowInsecureHttp)
        {
            throw new InngestConfigurationException(
                $"{baseSource} is a plain http:// URL of another machine, so the event key would cross the network in cleartext. "
                + $"Use https://, or, if the network is trusted (a self-hosted Inngest server inside your cluster), set {prefix}AllowInsecureHttp to true.");
        }

        var eventUrl = key is null ? null : new Uri(baseUrl.AbsoluteUri + "e/" + Uri.EscapeDataString(key));

        // Branch environment: option, INNGEST_ENV, then the CI branch variables.
        string? env;
        if (!string.IsNullOrWhiteSpace(options.Env))
        {
            env = options.Env!.Trim();
            ValidateEnv(env, prefix + "Env");
        }
        else if (Var("INNGEST_ENV") is { } inngestEnv)
        {
            env = inngestEnv;
            ValidateEnv(env, "INNGEST_ENV");
        }
        else
        {
            env = null;
            foreach (var name in BranchVariables)
            {
                if (Var(name) is { } branch)
                {
                    // CI names branches freely (feature/über-login); a header carries ASCII only, so the rest is percent-encoded.
                    env = EncodeBranchName(branch);
                    break;
                }
            }
        }

        return new InngestSettings(isDev, baseUrl, key, eventUrl, env);
    }

    /// <summary>Percent-encodes (as UTF-8) what a header value cannot carry: non-ASCII and control characters.</summary>
    internal static string EncodeBranchName(string branch)
    {
        var plain = true;
        foreach (var c in branch)
        {
            if (c < 0x20 || c > 0x7E)
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return branch;
        }

        var builder = new System.Text.StringBuilder(branch.Length * 2);
        var bytes = System.Text.Encoding.UTF8.GetBytes(branch);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E)
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    internal static void ValidateEnv(string? env, string source)
    {
        if (env is null)
        {
            return;
        }

        foreach (var c in env)
        {
            if (c < 0x20 || c > 0x7E)
            {
                throw new InngestConfigurationException(
                    $"The value of {source} holds a control or non-ASCII character, which cannot travel in the x-inngest-env header. Use the branch environment's name as shown in the Inngest dashboard.");
            }
        }
    }

    /// <summary>
    /// A dev server address from <c>INNGEST_DEV</c>. As in the official SDKs an address without a scheme
    /// (<c>localhost:8288</c>) means <c>http://</c>; unlike them, a bare word that names no host with a port, no
    /// dotted host and not <c>localhost</c> (<c>yes</c>, <c>on</c>) is refused instead of becoming <c>http://yes/</c>.
    /// </summary>
    private static Uri ParseDevUrl(string value)
    {
        const string fix = "set INNGEST_DEV to 1 (dev mode), 0 (cloud mode), or the dev server's URL such as http://localhost:8288";
        if (!value.Contains("://", StringComparison.Ordinal))
        {
            var host = value.Split('/', 2)[0];
            var looksLikeHost = host.Contains(':', StringComparison.Ordinal) || host.Contains('.', StringComparison.Ordinal)
                || host.Equals("localhost", StringComparison.OrdinalIgnoreCase);
            if (!looksLikeHost)
            {
                throw new InngestConfigurationException($"INNGEST_DEV is '{Shorten(value)}', which is neither a flag nor a URL: {fix}.");
            }

            value = "http://" + value;
        }

        return ParseBaseUrl(value, "INNGEST_DEV", fix);
    }

    private static string Shorten(string value)
    {
        var text = value.Length > 40 ? value[..40] + "..." : value;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    private static Uri ParseBaseUrl(string value, string source, string fix)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0)
        {
            throw new InngestConfigurationException($"{source} is not an absolute http or https URL: {fix}.");
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new InngestConfigurationException($"{source} must not carry a query, a fragment or user info: {fix}.");
        }

        // The dashboard shows the event URL https://inn.gs/e/<key>; as a base URL it would put the key into every
        // message, span and ToString(), and send to /e/<key>/e/<key>. The message does not repeat the URL.
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i] == "e")
            {
                throw new InngestConfigurationException(
                    $"{source} holds the Event API path /e/<key> (the event URL the dashboard shows, which includes the key). "
                    + "Set it to the base URL only, such as https://inn.gs/, and put the key into the event key setting (EventKey or INNGEST_EVENT_KEY).");
            }
        }

        // The base URL is a prefix: https://host/prefix and https://host/prefix/ both give https://host/prefix/e/KEY.
        var text = uri.GetLeftPart(UriPartial.Path);
        return text.EndsWith('/') ? new Uri(text) : new Uri(text + "/");
    }
}
