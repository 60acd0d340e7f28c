using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Inngest.Catalog.Tests.Schema;

/// <summary>
/// Whether a value keeps its C# contract: no null in a member, element or value whose type is not nullable,
/// no undefined value of a non-[Flags] enum. The schema describes that contract (as the TypeScript does), so
/// the random values outside it (the oracle's value builder makes them on purpose, since System.Text.Json
/// writes them) are not held against it.
/// </summary>
internal static class ContractCheck
{
    public static bool Keeps(object value) => Keeps(value, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);

    private static bool Keeps(object value, HashSet<object> seen, int depth)
    {
        var type = value.GetType();
        if (type.IsEnum)
        {
            return type.IsDefined(typeof(FlagsAttribute)) || Enum.IsDefined(type, value);
        }

        if (type.IsPrimitive || value is string || depth > 40 || !seen.Add(value) || type.Namespace?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true)
        {
            return true;
        }

        var context = new NullabilityInfoContext();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.NonPublic))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null || property.GetCustomAttribute<CompilerGeneratedAttribute>() is not null
                || property.Name == "EqualityContract" || property.PropertyType.IsByRefLike)
            {
                continue;
            }

            object? member;
            try
            {
                member = property.GetValue(value);
            }
            catch (Exception e) when (e is TargetInvocationException or NotSupportedException or InvalidOperationException)
            {
                continue;
            }

            if (!Keeps(member, context.Create(property), seen, depth))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Keeps(object? value, NullabilityInfo info, HashSet<object> seen, int depth)
    {
        if (value is null)
        {
            return info.ReadState != NullabilityState.NotNull || info.Type.IsValueType;
        }

        if (value is not string && value is IEnumerable items && value.GetType().Namespace?.StartsWith("System.Text.Json", StringComparison.Ordinal) != true)
        {
            var element = info.ElementType ?? (info.GenericTypeArguments.Length > 0 ? info.GenericTypeArguments[^1] : null);
            foreach (var item in items)
            {
                var itemValue = item;
                if (item is not null && item.GetType().IsGenericType && item.GetType().GetGenericTypeDefinition() == typeof(KeyValuePair<,>) && info.GenericTypeArguments.Length == 2)
                {
                    itemValue = item.GetType().GetProperty("Value")!.GetValue(item);
                }

                if (element is not null ? !Keeps(itemValue, element, seen, depth + 1) : itemValue is not null && !Keeps(itemValue, seen, depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        return Keeps(value, seen, depth + 1);
    }
}
