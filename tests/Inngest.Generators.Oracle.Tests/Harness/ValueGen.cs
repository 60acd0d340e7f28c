using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CsCheck;

namespace Inngest.Generators.Oracle.Tests.Harness;

/// <summary>
/// A CsCheck generator of instances of any type, built by reflection the way System.Text.Json would
/// construct it: the constructor it picks, then every settable member. Polymorphic slots get one of the
/// declared derived types, interfaces a concrete implementation from the same assemblies, <c>object</c>
/// a scalar or an <see cref="OracleRuntimeTypeAttribute"/> type. Depth-limited, so recursive graphs end.
/// </summary>
internal sealed class ValueGen(Type root, IReadOnlyList<Assembly> implementations, int maxDepth = 4, int maxObjects = 400) : Gen<object?>
{
    private static readonly string[] s_texts = ["", "a", "Hello", "h\u00e9llo \"w\" <b>&'", "\u65e5\u672c", "\U0001F600", "line\nbreak\t\\", "key", "value", "x_y-Z", "42"];

    private readonly ConcurrentDictionary<Type, Type[]> _implementations = new();
    private readonly Type[] _runtimeTypes = implementations.SelectMany(SafeTypes).Where(t => t.GetCustomAttribute<OracleRuntimeTypeAttribute>() is not null).ToArray();

    // Objects built for the current value: wide model graphs (hundreds of properties per type) stay bounded.
    private int _objects;

    public override object? Generate(PCG pcg, Size? min, out Size size)
    {
        size = new Size(0);
        _objects = 0;
        return Build(root, pcg, 0);
    }

    private object? Build(Type type, PCG pcg, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return Chance(pcg, 4) ? null : Build(underlying, pcg, depth);
        }

        if (Scalar(type, pcg, out var scalar))
        {
            return scalar;
        }

        if (type.IsEnum)
        {
            return Enum(type, pcg);
        }

        var tooDeep = depth >= maxDepth || _objects >= maxObjects;
        if (!type.IsValueType && (tooDeep ? true : Chance(pcg, 8)) && !IsCollection(type))
        {
            return null;
        }

        if (type == typeof(object))
        {
            return RuntimeObject(pcg, depth);
        }

        if (type.IsArray)
        {
            if (type.GetArrayRank() != 1)
            {
                return null;
            }

            var items = Items(type.GetElementType()!, pcg, depth, tooDeep);
            var array = System.Array.CreateInstance(type.GetElementType()!, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(items[i], i);
            }

            return array;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var args = type.GetGenericArguments();
            if (definition == typeof(KeyValuePair<,>))
            {
                return Activator.CreateInstance(type, Build(args[0], pcg, depth + 1), Build(args[1], pcg, depth + 1));
            }

            if (typeof(ITuple).IsAssignableFrom(type) && type.Namespace == "System")
            {
                return Activator.CreateInstance(type, args.Select(a => Build(a, pcg, depth + 1)).ToArray());
            }

            if (definition == typeof(Memory<>) || definition == typeof(ReadOnlyMemory<>))
            {
                var items = Items(args[0], pcg, depth, tooDeep);
                var array = System.Array.CreateInstance(args[0], items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    array.SetValue(items[i], i);
                }

                return Activator.CreateInstance(type, array);
            }
        }

        if (DictionaryTypes(type) is { } kv)
        {
            return Dictionary(type, kv.Key, kv.Value, pcg, depth, tooDeep);
        }

        if (ElementType(type) is { } element)
        {
            return Collection(type, element, pcg, depth, tooDeep);
        }

        return Object(type, pcg, depth);
    }

    private static bool Chance(PCG pcg, uint oneIn) => pcg.Next(oneIn) == 0;

    private static bool Scalar(Type type, PCG pcg, out object? value)
    {
        value = type switch
        {
            _ when type == typeof(bool) => pcg.Next(2) == 0,
            _ when type == typeof(byte) => (byte)pcg.Next(),
            _ when type == typeof(sbyte) => (sbyte)pcg.Next(),
            _ when type == typeof(short) => (short)pcg.Next(),
            _ when type == typeof(ushort) => (ushort)pcg.Next(),
            _ when type == typeof(int) => Pick(pcg, [0, 1, -1, int.MaxValue, int.MinValue, (int)pcg.Next()]),
            _ when type == typeof(uint) => pcg.Next(),
            _ when type == typeof(long) => Pick(pcg, [0L, long.MaxValue, long.MinValue, (long)pcg.Next64()]),
            _ when type == typeof(ulong) => Pick(pcg, [0UL, ulong.MaxValue, pcg.Next64()]),
            _ when type == typeof(float) => Pick(pcg, [0f, 1.5f, -3.25e7f, float.MaxValue, float.Epsilon, (float)pcg.Next() / 7]),
            _ when type == typeof(double) => Pick(pcg, [0d, 0.1, -1e300, double.Epsilon, 1.0 / 3, (double)pcg.Next64() / 3]),
            _ when type == typeof(decimal) => Pick(pcg, [0m, 1.10m, -79228162514264337593543950335m, 0.0000001m, (decimal)pcg.Next() / 100]),
            _ when type == typeof(Half) => Pick(pcg, [(Half)0, (Half)1.5, Half.MaxValue, (Half)(-0.25)]),
            _ when type == typeof(Int128) => Pick(pcg, [Int128.MaxValue, Int128.MinValue, (Int128)pcg.Next64() * 1000]),
            _ when type == typeof(UInt128) => Pick(pcg, [UInt128.MaxValue, UInt128.Zero, (UInt128)pcg.Next64() * 1000]),
            _ when type == typeof(char) => Pick(pcg, ['a', '"', '\u00e9', '\n', (char)('A' + pcg.Next(26))]),
            _ when type == typeof(string) => Pick(pcg, s_texts) + (pcg.Next(3) == 0 ? pcg.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture) : ""),
            _ when type == typeof(Guid) => new Guid((int)pcg.Next(), (short)pcg.Next(), (short)pcg.Next(), 1, 2, 3, 4, 5, 6, 7, (byte)pcg.Next()),
            _ when type == typeof(DateTime) => new DateTime(2000, 1, 1, 0, 0, 0, Pick(pcg, [DateTimeKind.Utc, DateTimeKind.Unspecified])).AddTicks((long)(pcg.Next64() % (long)(TimeSpan.TicksPerDay * 365 * 50))),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromMinutes((int)pcg.Next(1681) - 840)).AddTicks((long)(pcg.Next64() % (long)(TimeSpan.TicksPerDay * 365 * 50))),
            _ when type == typeof(DateOnly) => DateOnly.FromDayNumber((int)pcg.Next(3_000_000)),
            _ when type == typeof(TimeOnly) => new TimeOnly((long)(pcg.Next64() % (ulong)TimeSpan.TicksPerDay)),
            _ when type == typeof(TimeSpan) => TimeSpan.FromTicks((long)pcg.Next64() >> 8),
            _ when type == typeof(Uri) => Pick(pcg, [new Uri("https://example.com/a?b=c&d=\u00e9"), new Uri("relative/path", UriKind.Relative), new Uri("urn:x:" + pcg.Next())]),
            _ when type == typeof(Version) => new Version((int)pcg.Next(10), (int)pcg.Next(10), (int)pcg.Next(100)),
            _ when type == typeof(byte[]) => Enumerable.Range(0, (int)pcg.Next(6)).Select(_ => (byte)pcg.Next()).ToArray(),
            _ when type == typeof(JsonElement) => JsonDocument.Parse(RandomJson(pcg)).RootElement.Clone(),
            _ when type == typeof(JsonDocument) => JsonDocument.Parse(RandomJson(pcg)),
            _ when type == typeof(JsonNode) => JsonNode.Parse(RandomJson(pcg)),
            _ when type == typeof(JsonObject) => JsonNode.Parse("{\"n\":" + RandomJson(pcg) + "}"),
            _ when type == typeof(JsonArray) => JsonNode.Parse("[" + RandomJson(pcg) + "]"),
            _ when type == typeof(JsonValue) => JsonValue.Create((int)pcg.Next(100)),
            _ => Missing.Value,
        };
        return value != Missing.Value;
    }

    private static T Pick<T>(PCG pcg, T[] choices) => choices[pcg.Next((uint)choices.Length)];

    private static string RandomJson(PCG pcg) => Pick(pcg, ["null", "1", "-2.5e3", "true", "\"s\\u00e9\"", "[1,\"two\",null]", "{\"a\":{\"b\":[]}}", "{}"]);

    private static object Enum(Type type, PCG pcg)
    {
        var values = System.Enum.GetValues(type);
        if (values.Length == 0 || Chance(pcg, 6))
        {
            // Undefined (or, for [Flags], combined) values are written as numbers or lists by both.
            var raw = Convert.ChangeType(pcg.Next(64), System.Enum.GetUnderlyingType(type), System.Globalization.CultureInfo.InvariantCulture);
            return System.Enum.ToObject(type, raw!);
        }

        return values.GetValue(pcg.Next((uint)values.Length))!;
    }

    private object? RuntimeObject(PCG pcg, int depth)
    {
        var choice = pcg.Next((uint)(5 + _runtimeTypes.Length));
        return choice switch
        {
            0 => (int)pcg.Next(1000),
            1 => Pick(pcg, s_texts),
            2 => pcg.Next(2) == 0,
            3 => JsonDocument.Parse(RandomJson(pcg)).RootElement.Clone(),
            4 => 2.5,
            _ => Build(_runtimeTypes[choice - 5], pcg, depth + 1),
        };
    }

    private List<object?> Items(Type element, PCG pcg, int depth, bool empty)
    {
        var count = empty ? 0 : (int)pcg.Next(4);
        return Enumerable.Range(0, count).Select(_ => Build(element, pcg, depth + 1)).ToList();
    }

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && !type.IsArray;

    private static KeyValuePair<Type, Type>? DictionaryTypes(Type type)
    {
        foreach (var candidate in type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces())
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)))
            {
                var args = candidate.GetGenericArguments();
                return new(args[0], args[1]);
            }
        }

        return typeof(IDictionary).IsAssignableFrom(type) ? new(typeof(string), typeof(object)) : null;
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        var enumerable = (type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces())
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0] ?? (typeof(IEnumerable).IsAssignableFrom(type) ? typeof(object) : null);
    }

    private object? Collection(Type type, Type element, PCG pcg, int depth, bool empty)
    {
        var items = Items(element, pcg, depth, empty);
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        foreach (var item in items)
        {
            list.Add(item);
        }

        if (type.IsInterface)
        {
            var setType = typeof(HashSet<>).MakeGenericType(element);
            return type.IsAssignableFrom(list.GetType()) ? list : type.IsAssignableFrom(setType) ? Activator.CreateInstance(setType, list) : null;
        }

        if (type.IsAbstract)
        {
            return null;
        }

        if (FromFactory(type, element, list) is { } made)
        {
            return made;
        }

        var enumerableType = typeof(IEnumerable<>).MakeGenericType(element);
        foreach (var ctor in type.GetConstructors())
        {
            var parameters = ctor.GetParameters();
            if (parameters.Length == 1 && parameters[0].ParameterType.IsAssignableFrom(list.GetType()) && parameters[0].ParameterType != typeof(int))
            {
                return ctor.Invoke([list]);
            }
        }

        var add = type.GetMethod("Add", [element]) ?? type.GetMethod("Push", [element]) ?? type.GetMethod("Enqueue", [element]);
        if (type.GetConstructor(Type.EmptyTypes) is { } empty0 && add is not null)
        {
            var collection = empty0.Invoke(null);
            foreach (var item in list)
            {
                add.Invoke(collection, [item]);
            }

            return collection;
        }

        return enumerableType.IsAssignableFrom(type) ? null : null;
    }

    /// <summary>Immutable*, Frozen* collections: their static factory classes.</summary>
    private static object? FromFactory(Type type, Type element, IList list)
    {
        if (!type.IsGenericType || type.Namespace is not ("System.Collections.Immutable" or "System.Collections.Frozen"))
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(System.Collections.Frozen.FrozenSet<>))
        {
            return typeof(System.Collections.Frozen.FrozenSet).GetMethods().First(m => m.Name == "ToFrozenSet" && m.GetParameters().Length == 2)
                .MakeGenericMethod(element).Invoke(null, [list, null]);
        }

        var factory = type.Assembly.GetType(type.Namespace + "." + type.Name.Split('`')[0]);
        var create = factory?.GetMethods().FirstOrDefault(m => m.Name == "CreateRange" && m.GetParameters().Length == 1 && m.GetGenericArguments().Length == 1);
        return create?.MakeGenericMethod(element).Invoke(null, [list]);
    }

    private object? Dictionary(Type type, Type key, Type value, PCG pcg, int depth, bool empty)
    {
        var pairs = new List<KeyValuePair<object, object?>>();
        var seen = new HashSet<string>();
        var count = empty ? 0 : (int)pcg.Next(4);
        for (var i = 0; i < count; i++)
        {
            var k = Build(key, pcg, depth + 1);
            if (k is null || !seen.Add(k.ToString()!.ToUpperInvariant()))
            {
                continue;
            }

            pairs.Add(new(k, Build(value, pcg, depth + 1)));
        }

        var dictionaryType = typeof(Dictionary<,>).MakeGenericType(key, value);
        var dictionary = (IDictionary)Activator.CreateInstance(dictionaryType)!;
        foreach (var pair in pairs)
        {
            dictionary[pair.Key] = pair.Value;
        }

        if (type.IsInterface)
        {
            return type.IsAssignableFrom(dictionaryType) ? dictionary : null;
        }

        if (type.IsAbstract)
        {
            return null;
        }

        if (type.IsGenericType && type.Namespace == "System.Collections.Frozen")
        {
            return typeof(System.Collections.Frozen.FrozenDictionary).GetMethods().First(m => m.Name == "ToFrozenDictionary" && m.GetParameters().Length == 2 && m.GetGenericArguments().Length == 2)
                .MakeGenericMethod(key, value).Invoke(null, [dictionary, null]);
        }

        if (type.IsGenericType && type.Namespace == "System.Collections.Immutable")
        {
            var factory = type.Assembly.GetType(type.Namespace + "." + type.Name.Split('`')[0]);
            var create = factory?.GetMethods().FirstOrDefault(m => m.Name == "CreateRange" && m.GetParameters().Length == 1 && m.GetGenericArguments().Length == 2);
            return create?.MakeGenericMethod(key, value).Invoke(null, [dictionary]);
        }

        foreach (var ctor in type.GetConstructors())
        {
            var parameters = ctor.GetParameters();
            if (parameters.Length == 1 && parameters[0].ParameterType.IsAssignableFrom(dictionaryType) && !parameters[0].ParameterType.IsValueType)
            {
                return ctor.Invoke([dictionary]);
            }
        }

        if (type.GetConstructor(Type.EmptyTypes) is { } ctor0)
        {
            var made = ctor0.Invoke(null);
            var add = type.GetMethod("TryAdd", [key, value]) ?? type.GetMethod("Add", [key, value]);
            foreach (var pair in pairs)
            {
                if (add is not null)
                {
                    add.Invoke(made, [pair.Key, pair.Value]);
                }
                else if (made is IDictionary untyped)
                {
                    untyped[pair.Key] = pair.Value;
                }
            }

            return made;
        }

        return null;
    }

    private object? Object(Type type, PCG pcg, int depth)
    {
        _objects++;
        var concrete = Concrete(type, pcg);
        if (concrete is null || concrete.IsGenericTypeDefinition || concrete.ContainsGenericParameters)
        {
            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }

        try
        {
            var ctor = PickConstructor(concrete);
            object instance;
            if (ctor is null)
            {
                if (!concrete.IsValueType)
                {
                    return null;
                }

                instance = Activator.CreateInstance(concrete)!;
            }
            else
            {
                instance = ctor.Invoke(ctor.GetParameters().Select(p => Build(p.ParameterType, pcg, depth + 1)).ToArray());
            }

            foreach (var member in Settable(concrete))
            {
                if (member.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always })
                {
                    continue;
                }

                var memberType = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
                var value = member.GetCustomAttribute<JsonExtensionDataAttribute>() is not null ? ExtensionData(memberType, pcg) : Build(memberType, pcg, depth + 1);
                if (member is PropertyInfo property)
                {
                    property.SetValue(instance, value);
                }
                else
                {
                    ((FieldInfo)member).SetValue(instance, value);
                }
            }

            return instance;
        }
        catch (Exception e) when (e is TargetInvocationException or ArgumentException)
        {
            // The type's own validation refused the values; an absent value is still a valid case.
            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }
    }

    /// <summary>A concrete type for a declared one: itself, a [JsonDerivedType], or an implementation.</summary>
    private Type? Concrete(Type type, PCG pcg)
    {
        var derived = type.GetCustomAttributes<JsonDerivedTypeAttribute>(inherit: false).Select(a => a.DerivedType).ToList();
        if (!type.IsAbstract && !type.IsInterface)
        {
            derived.Add(type);
        }
        else if (derived.Count == 0)
        {
            derived.AddRange(_implementations.GetOrAdd(type, t => implementations.SelectMany(SafeTypes)
                .Where(c => !c.IsAbstract && !c.IsInterface && !c.ContainsGenericParameters && t.IsAssignableFrom(c) && c.IsVisible).OrderBy(c => c.FullName, StringComparer.Ordinal).ToArray()));
        }

        return derived.Count == 0 ? null : derived[(int)pcg.Next((uint)derived.Count)];
    }

    /// <summary>The constructor System.Text.Json uses: [JsonConstructor], a public parameterless one, or the only public one.</summary>
    private static ConstructorInfo? PickConstructor(Type type)
    {
        var all = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
        var marked = all.FirstOrDefault(c => c.GetCustomAttribute<JsonConstructorAttribute>() is not null);
        if (marked is not null)
        {
            return marked;
        }

        var publicCtors = all.Where(c => c.IsPublic).ToArray();
        return publicCtors.FirstOrDefault(c => c.GetParameters().Length == 0) ?? (publicCtors.Length == 1 ? publicCtors[0] : null);
    }

    private static IEnumerable<MemberInfo> Settable(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        foreach (var property in type.GetProperties(flags))
        {
            var setter = property.GetSetMethod(nonPublic: true);
            var visible = property.GetMethod?.IsPublic == true || property.GetCustomAttribute<JsonIncludeAttribute>() is not null;
            if (setter is not null && visible && property.GetIndexParameters().Length == 0)
            {
                yield return property;
            }
        }

        foreach (var field in type.GetFields(flags))
        {
            if (!field.IsInitOnly && !field.IsLiteral && (field.IsPublic || field.GetCustomAttribute<JsonIncludeAttribute>() is not null)
                && field.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            {
                yield return field;
            }
        }
    }

    /// <summary>Extension data: members the type does not declare, so they round-trip as extension data.</summary>
    private static object? ExtensionData(Type type, PCG pcg)
    {
        var valueType = type.GetGenericArguments().LastOrDefault();
        if (valueType is null)
        {
            return null;
        }

        var dictionary = (IDictionary)Activator.CreateInstance(type.IsInterface ? typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType) : type)!;
        for (var i = 0; i < pcg.Next(3); i++)
        {
            var json = RandomJson(pcg);
            object? value = valueType == typeof(JsonElement) ? JsonDocument.Parse(json).RootElement.Clone()
                : valueType == typeof(JsonNode) ? JsonNode.Parse(json)
                : JsonDocument.Parse(json).RootElement.Clone();
            dictionary["zz_extra_" + i] = value;
        }

        return dictionary;
    }

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null)!;
        }
    }
}
