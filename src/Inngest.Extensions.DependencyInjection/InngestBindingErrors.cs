using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Inngest.Extensions.DependencyInjection;

/// <summary>Values of the configuration section that did not parse, per options name, for the validator.</summary>
internal sealed class InngestBindingErrors
{
    private readonly ConcurrentDictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public IReadOnlyList<string> For(string name) => _errors.TryGetValue(name, out var errors) ? errors : Array.Empty<string>();

    public void Set(string name, List<string> errors) => _errors[name] = errors.ToArray();
}

/// <summary>
/// Binds <see cref="InngestOptions"/> from a configuration section: the one given to <c>AddInngest</c>, or
/// else the <c>Inngest</c> section of the container's <see cref="IConfiguration"/> when there is one.
/// </summary>
internal sealed class InngestConfigureFromConfiguration : IConfigureNamedOptions<InngestOptions>
{
    private readonly IServiceProvider _services;
    private readonly InngestBindingErrors _errors;
    private readonly IConfiguration? _section;

    public InngestConfigureFromConfiguration(IServiceProvider services, InngestBindingErrors errors, IConfiguration? section)
    {
        _services = services;
        _errors = errors;
        _section = section;
    }

    public void Configure(InngestOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, InngestOptions options)
    {
        var section = _section ?? _services.GetService<IConfiguration>()?.GetSection(InngestOptions.SectionName);
        var errors = new List<string>();
        if (section is not null)
        {
            InngestConfigurationBinder.Bind(section, options, errors);
        }

        _errors.Set(name ?? Options.DefaultName, errors);
    }
}

/// <summary>Reloads <see cref="InngestOptions"/> when the bound configuration changes; never, without configuration.</summary>
internal sealed class InngestChangeTokenSource : IOptionsChangeTokenSource<InngestOptions>
{
    private static readonly IChangeToken Never = new CancellationChangeToken(System.Threading.CancellationToken.None);
    private readonly IConfiguration? _configuration;

    public InngestChangeTokenSource(IConfiguration? configuration)
    {
        _configuration = configuration;
    }

    public string Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => _configuration?.GetReloadToken() ?? Never;
}
