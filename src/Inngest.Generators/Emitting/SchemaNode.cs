using System.Collections.Generic;
using System.Text;

namespace Inngest.Generators.Emitting;

/// <summary>One JSON schema object while it is built: its <c>type</c>, its <c>enum</c> and its other keywords (as JSON text) in order.</summary>
internal sealed class SchemaNode
{
    private readonly List<string> _types = new();
    private List<string>? _enum;
    private bool _isOrNull;

    /// <summary>Keywords other than <c>type</c> and <c>enum</c>, as (name, JSON value).</summary>
    public List<(string Name, string Json)> Keywords { get; } = new();

    /// <summary>The empty schema: any JSON value.</summary>
    public static SchemaNode Any() => new();

    public static SchemaNode OfType(string type)
    {
        var node = new SchemaNode();
        node._types.Add(type);
        return node;
    }

    public static SchemaNode OfEnum(List<string> values) => new() { _enum = values };

    public static SchemaNode Ref(string pointer) => new SchemaNode().With("$ref", "\"" + pointer + "\"");

    public SchemaNode With(string name, string json)
    {
        Keywords.Add((name, json));
        return this;
    }

    /// <summary>This schema or <c>null</c>: adds <c>"null"</c> to a plain type or enum, otherwise an <c>anyOf</c>.</summary>
    public SchemaNode OrNull()
    {
        var isAny = _types.Count == 0 && _enum is null && Keywords.Count == 0;
        if (isAny || _isOrNull || _types.Contains("null") || (_enum is { } values && values.Contains("null")))
        {
            return this;
        }

        if (_enum is not null)
        {
            _enum.Add("null");
            return this;
        }

        if (_types.Count > 0 && !HasKeyword("$ref") && !HasKeyword("anyOf") && !HasKeyword("oneOf"))
        {
            _types.Add("null");
            return this;
        }

        return new SchemaNode { _isOrNull = true }.With("anyOf", "[" + this + ",{\"type\":\"null\"}]");
    }

    /// <summary>Adds <c>"integer"</c> to a plain type.</summary>
    public SchemaNode OrInteger()
    {
        _types.Add("integer");
        return this;
    }

    private bool HasKeyword(string name)
    {
        foreach (var keyword in Keywords)
        {
            if (keyword.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Compact JSON: <c>$schema</c> first, then <c>type</c>, <c>enum</c> and the other keywords in the order they were added.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("{");
        void Add(string name, string json)
            => builder.Append(builder.Length > 1 ? "," : string.Empty).Append('"').Append(name).Append("\":").Append(json);

        foreach (var (name, json) in Keywords)
        {
            if (name == "$schema")
            {
                Add(name, json);
            }
        }

        if (_types.Count > 0)
        {
            Add("type", _types.Count == 1 ? "\"" + _types[0] + "\"" : "[\"" + string.Join("\",\"", _types) + "\"]");
        }

        if (_enum is not null)
        {
            Add("enum", "[" + string.Join(",", _enum) + "]");
        }

        foreach (var (name, json) in Keywords)
        {
            if (name != "$schema")
            {
                Add(name, json);
            }
        }

        return builder.Append('}').ToString();
    }
}
