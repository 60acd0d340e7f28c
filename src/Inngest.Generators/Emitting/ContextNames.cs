using System.Collections.Generic;
using System.Globalization;
using Inngest.Generators.Model;

namespace Inngest.Generators.Emitting;

/// <summary>The context's member names per type, unique and clear of the members the context already has.</summary>
internal sealed class ContextNames
{
    private static readonly HashSet<string> Reserved = new(System.StringComparer.Ordinal)
    {
        "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Equals", "GetHashCode", "ToString",
        "GetType", "MemberwiseClone", "Finalize", "EventTypeInfo",
        // The shared helpers (ContextHelpers).
        "Finish", "ExpandConverter", "MemberConverter", "NullableMemberConverter", "ObjectInfo", "Property", "Members", "InitOnly",
        "Parameter", "Values", "Get", "CheckDepth", "TryReadEvent", "SkipUnknown", "ReadMember", "ReadString", "ReadBoolean", "ReadInt32",
        "ReadInt64", "ReadInt16", "ReadSByte", "ReadByte", "ReadUInt16", "ReadUInt32", "ReadUInt64", "ReadSingle", "ReadDouble", "ReadDecimal", "ReadDateTimeOffset", "ReadDateTime", "ReadGuid", "ReadJsonElement",
    };

    private readonly Dictionary<string, string> _names = new(System.StringComparer.Ordinal);

    public ContextNames(IEnumerable<TypeShape> shapes)
    {
        var used = new HashSet<string>(Reserved, System.StringComparer.Ordinal);
        foreach (var shape in shapes)
        {
            var baseName = shape.DisplayName.Length == 0 || shape.DisplayName[0] == '_' ? "T" + shape.DisplayName : shape.DisplayName;
            var name = baseName;
            for (var i = 2; !used.Add(name); i++)
            {
                name = baseName + i.ToString(CultureInfo.InvariantCulture);
            }

            _names[shape.Fqn] = name;
        }
    }

    private readonly SortedDictionary<string, string> _usedTypeInfos = new(System.StringComparer.Ordinal);

    /// <summary>The base of the type's member names (Create_X, Properties_X, ...).</summary>
    public string Property(string fqn) => _names[fqn];

    /// <summary>The cached JsonTypeInfo property of the type, for code that writes through it; emitted only when asked for.</summary>
    public string TypeInfoProperty(string fqn)
    {
        _usedTypeInfos[fqn] = _names[fqn];
        return _names[fqn];
    }

    /// <summary>The types whose JsonTypeInfo property some code uses, with its name.</summary>
    public IEnumerable<KeyValuePair<string, string>> UsedTypeInfoProperties => _usedTypeInfos;

    /// <summary>The type's fast-path method.</summary>
    public string FastPath(string fqn) => "Serialize_" + _names[fqn];
}
