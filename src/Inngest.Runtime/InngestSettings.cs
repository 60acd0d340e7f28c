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

    private InngestSettings(bool isDev, Uri eventBaseUrl, Uri? eventUrl, string? env)
    {
        IsDev = isDev;
        EventBaseUrl = eventBaseUrl;
        EventUrl = eventUrl;
        Env = env;
    }

    public bool IsDev { get; }

    /// <summary>The base URL, always ending in <c>/</c>; it holds no key.</summary>
    public Uri EventBaseUrl { get; }

    /// <summary><c>{base}e/{escaped key}</c>, or null in cloud mode without a key.</summary>
    public Uri? EventUrl { get; }

    public string? Env { get; }

    public static InngestSettings Resolve(InngestClientOptions options)
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
                // As in the official SDKs, a URL without a scheme (localhost:8288) means http://.
                var devUrl = devVariable.Contains("://", StringComparison.Ordinal) ? devVariable : "http://" + devVariable;
                devUrlFromVariable = ParseBaseUrl(devUrl, "INNGEST_DEV", "set INNGEST_DEV to 1, 0, true, false, or the dev server's URL such as http://localhost:8288");
                devFromVariable = true;
            }
        }

        var isDev = options.IsDev ?? devFromVariable ?? false;

        // Base URL: option, INNGEST_EVENT_API_BASE_URL, INNGEST_BASE_URL, the INNGEST_DEV URL (dev mode only), default.
        Uri baseUrl;
        if (!string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            baseUrl = ParseBaseUrl(options.BaseUrl!, "InngestClientOptions.BaseUrl", "set it to an absolute http(s) URL such as https://inn.gs/");
        }
        else if (Var("INNGEST_EVENT_API_BASE_URL") is { } eventApiBase)
        {
            baseUrl = ParseBaseUrl(eventApiBase, "INNGEST_EVENT_API_BASE_URL", "set it to an absolute http(s) URL or unset it");
        }
        else if (Var("INNGEST_BASE_URL") is { } inngestBase)
        {
            baseUrl = ParseBaseUrl(inngestBase, "INNGEST_BASE_URL", "set it to an absolute http(s) URL or unset it");
        }
        else if (isDev && devUrlFromVariable is not null)
        {
            baseUrl = devUrlFromVariable;
        }
        else
        {
            baseUrl = isDev ? DevEventBaseUrl : CloudEventBaseUrl;
        }

        // Event key: option, INNGEST_EVENT_KEY, then the dev placeholder.
        var key = !string.IsNullOrEmpty(options.EventKey) ? options.EventKey : Var("INNGEST_EVENT_KEY");
        if (key is null && isDev)
        {
            key = NoEventKeySet;
        }

        var eventUrl = key is null ? null : new Uri(baseUrl.AbsoluteUri + "e/" + Uri.EscapeDataString(key));

        // Branch environment: option, INNGEST_ENV, then the CI branch variables.
        var env = string.IsNullOrWhiteSpace(options.Env) ? Var("INNGEST_ENV") : options.Env!.Trim();
        if (env is null)
        {
            foreach (var name in BranchVariables)
            {
                if (Var(name) is { } branch)
                {
                    env = branch;
                    break;
                }
            }
        }

        ValidateEnv(env, "the branch environment (InngestClientOptions.Env, INNGEST_ENV or a branch variable)");
        return new InngestSettings(isDev, baseUrl, eventUrl, env);
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

        // The base URL is a prefix: https://host/prefix and https://host/prefix/ both give https://host/prefix/e/KEY.
        var text = uri.GetLeftPart(UriPartial.Path);
        return text.EndsWith('/') ? new Uri(text) : new Uri(text + "/");
    }
}
