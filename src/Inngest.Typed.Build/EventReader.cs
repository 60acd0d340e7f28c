using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Inngest.Typed.Build;

/// <summary>
/// Finds the event types of a compiled assembly without loading it: every type that implements
/// <c>Inngest.IInngestEventData&lt;T&gt;</c> and has the generator's <c>EventName</c> and <c>JsonSchema</c>
/// constants (and <c>EventVersion</c>, <c>IdTemplate</c> when set), read from the metadata's constant table.
/// </summary>
internal static class EventReader
{
    public static List<CatalogEntry> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var entries = new List<CatalogEntry>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (!ImplementsEventData(reader, type))
            {
                continue;
            }

            var constants = Constants(reader, type);
            if (constants.TryGetValue("EventName", out var name) && name is not null && constants.TryGetValue("JsonSchema", out var schema) && schema is not null)
            {
                constants.TryGetValue("EventVersion", out var version);
                constants.TryGetValue("IdTemplate", out var idTemplate);
                entries.Add(new CatalogEntry(name, version, ClrName(reader, type), reader.GetString(type.Name), idTemplate, schema));
            }
        }

        return entries.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.ClrType, StringComparer.Ordinal).ToList();
    }

    private static bool ImplementsEventData(MetadataReader reader, TypeDefinition type)
    {
        foreach (var implementation in type.GetInterfaceImplementations())
        {
            var iface = reader.GetInterfaceImplementation(implementation).Interface;
            if (iface.Kind != HandleKind.TypeSpecification)
            {
                continue;
            }

            var blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)iface).Signature);
            if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
            {
                continue;
            }

            blob.ReadSignatureTypeCode(); // class
            var generic = blob.ReadTypeHandle();
            var (ns, name) = generic.Kind switch
            {
                HandleKind.TypeReference => (reader.GetString(reader.GetTypeReference((TypeReferenceHandle)generic).Namespace), reader.GetString(reader.GetTypeReference((TypeReferenceHandle)generic).Name)),
                HandleKind.TypeDefinition => (reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)generic).Namespace), reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)generic).Name)),
                _ => (string.Empty, string.Empty),
            };
            if (ns == "Inngest" && name == "IInngestEventData`1")
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, string?> Constants(MetadataReader reader, TypeDefinition type)
    {
        var constants = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var fieldHandle in type.GetFields())
        {
            var field = reader.GetFieldDefinition(fieldHandle);
            var constantHandle = field.GetDefaultValue();
            if (constantHandle.IsNil)
            {
                continue;
            }

            var constant = reader.GetConstant(constantHandle);
            var blob = reader.GetBlobReader(constant.Value);
            constants[reader.GetString(field.Name)] = constant.TypeCode switch
            {
                ConstantTypeCode.String => blob.ReadUTF16(blob.Length),
                ConstantTypeCode.NullReference => null,
                _ => null,
            };
        }

        return constants;
    }

    /// <summary>The C# name: namespace, containing types and the type, dot-separated.</summary>
    private static string ClrName(MetadataReader reader, TypeDefinition type)
    {
        var name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        while (!declaring.IsNil)
        {
            var outer = reader.GetTypeDefinition(declaring);
            name = reader.GetString(outer.Name) + "." + name;
            type = outer;
            declaring = outer.GetDeclaringType();
        }

        var ns = reader.GetString(type.Namespace);
        return ns.Length > 0 ? ns + "." + name : name;
    }
}
