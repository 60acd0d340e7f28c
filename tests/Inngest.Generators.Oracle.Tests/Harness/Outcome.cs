using System;
using System.Reflection;

namespace Inngest.Generators.Oracle.Tests.Harness;

/// <summary>What one serializer call produced: JSON text, or an exception (compared by type).</summary>
internal readonly record struct Outcome(string? Json, Exception? Error)
{
    public static Outcome Of(Func<string> action)
    {
        try
        {
            return new Outcome(action(), null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return new Outcome(null, e.InnerException);
        }
        catch (Exception e)
        {
            return new Outcome(null, e);
        }
    }

    public bool Succeeded => Error is null;

    /// <summary>Same JSON, or the same exception type.</summary>
    public bool Matches(Outcome other) => Succeeded ? other.Succeeded && Json == other.Json : !other.Succeeded && Error!.GetType() == other.Error!.GetType();

    public override string ToString() => Succeeded ? Json! : $"{Error!.GetType().FullName}: {Error.Message}";
}
