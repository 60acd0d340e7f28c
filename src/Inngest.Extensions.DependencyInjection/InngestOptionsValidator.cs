using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Inngest.Extensions.DependencyInjection;

/// <summary>
/// Checks <see cref="InngestOptions"/> at start-up (<c>ValidateOnStart</c>) by resolving them exactly as the
/// client will (options first, then the <c>INNGEST_*</c> environment variables), so a bad setting fails the
/// host's start with the client's own message instead of the first send.
/// </summary>
internal sealed class InngestOptionsValidator : IValidateOptions<InngestOptions>
{
    private readonly InngestBindingErrors _bindingErrors;

    public InngestOptionsValidator(InngestBindingErrors bindingErrors)
    {
        _bindingErrors = bindingErrors;
    }

    public ValidateOptionsResult Validate(string? name, InngestOptions options)
    {
        var failures = new List<string>(_bindingErrors.For(name ?? Options.DefaultName));
        if (failures.Count > 0)
        {
            return ValidateOptionsResult.Fail(failures);
        }

        try
        {
            using var probe = new InngestClient(options.ToClientOptions(TimeProvider.System, listener: null));
            if (!probe.HasEventKey && options.RequireEventKey)
            {
                failures.Add(
                    "No Inngest event key is configured, so no event could be sent. Set the Inngest:EventKey setting (or the INNGEST_EVENT_KEY environment variable) "
                    + "from a secret store; to send to a local dev server instead set Inngest:IsDev to true (or INNGEST_DEV=1). "
                    + "If this app runs without Inngest on purpose, set Inngest:RequireEventKey to false.");
            }
        }
        catch (InngestConfigurationException ex)
        {
            failures.Add(ex.Message.Replace("InngestClientOptions.", "Inngest:", StringComparison.Ordinal));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
