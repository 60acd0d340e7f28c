using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Inngest.Extensions.DependencyInjection;

/// <summary>Values of the configuration section that did not parse, per options name, for the validator.</summary>
internal sealed class InngestBindingErrors
{
    private readonly ConcurrentDictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public IReadOnlyList<string> For(string name) => _errors.TryGetValue(name, out var errors) ? errors : Array.Empty<string>();

    public void Set(string name, List<string> errors) => _errors[name] = errors.ToArray();
}
