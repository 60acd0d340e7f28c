using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inngest.Extensions.DependencyInjection;

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
