using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Inngest.Extensions.DependencyInjection;

/// <summary>
/// Checks <see cref="InngestOptions"/> at start-up (<c>ValidateOnStart</c>) with the runtime's own rules
/// (<see cref="InngestClientOptions.Validate(string, bool)"/>, settings named by their configuration keys), after the values
/// that did not parse, so a bad setting fails the host's start with the client's own message instead of the first send.
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

        for (var i = 0; i < options.SendMiddleware.Count; i++)
        {
            if (options.SendMiddleware[i] is null)
            {
                failures.Add($"InngestOptions.SendMiddleware[{i}] is null. Remove the entry or add a middleware instance.");
            }
        }

        var clientOptions = options.ToClientOptions(TimeProvider.System, listener: null);
        var problems = clientOptions.Validate(InngestOptions.SectionName + ":", options.RequireEventKey);
        failures.AddRange(problems);
        if (options.RequireEventKey && problems.Count > clientOptions.Validate(InngestOptions.SectionName + ":").Count)
        {
            // The missing key is the problem: say how to run without Inngest on purpose.
            failures.Add("If this app runs without Inngest on purpose, set Inngest:RequireEventKey to false.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
