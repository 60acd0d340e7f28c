using System.Collections.Generic;
using System.Globalization;
using Inngest.Generators.Model;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Generators.Parsing;

/// <summary>Reads an object type's members and how the deserializer creates it, as System.Text.Json's generator does.</summary>
internal static class ObjectShapeReader
{
    /// <summary>Describes <paramref name="type"/>; <paramref name="onMember"/> hears about each member (to walk its type).</summary>
    public static ObjectShape Read(INamedTypeSymbol type, IAssemblySymbol assembly, System.Action<PayloadMember> onMember)
    {
        var payloadMembers = TypeShapeRules.Members(type, assembly);
        var constructor = DeserializationConstructor.Choose(type, assembly).Constructor;
        var setsRequired = constructor is not null && JsonAttributes.Has(constructor, JsonAttributes.SetsRequiredMembers);
        var members = new List<MemberShape>(payloadMembers.Count);
        foreach (var member in payloadMembers)
        {
            onMember(member);
            members.Add(ReadMember(member, setsRequired));
        }

        // System.Text.Json orders by [JsonPropertyOrder], stable within equal orders.
        StableSortByOrder(members);
        var (creation, parameters, constructorCount) = ReadCreation(type, constructor, setsRequired, members);
        return new ObjectShape
        {
            Members = members.ToEquatableArray(),
            Creation = creation,
            Parameters = parameters,
            ConstructorParameterCount = constructorCount,
            NumberHandling = JsonAttributes.NumberHandlingOf(type),
            UnmappedMemberHandling = JsonAttributes.UnmappedMemberHandlingOf(type),
            ObjectCreationHandling = JsonAttributes.ObjectCreationHandlingOf(type),
        };
    }

    private static MemberShape ReadMember(PayloadMember member, bool setsRequired)
    {
        var symbol = member.Symbol;
        var memberType = member.Type;
        string? converter = null;
        string? converterUnderlying = null;
        // A converter the generated code cannot create is left out, as System.Text.Json's generator does (INNG016 says so).
        if (JsonAttributes.ConverterTypeOf(symbol) is { } converterType && TypeShapeRules.CanCreateConverter(converterType))
        {
            // On a Nullable<T> member the converter may convert T? or only T; the generated code asks it
            // at run time and wraps a T converter, as reflection does.
            var target = memberType;
            if (memberType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                target = nullable.TypeArguments[0];
                converterUnderlying = TypeNames.Fqn(target);
            }

            converter = ConverterExpressions.Expression(converterType, target);
        }

        var jsonName = JsonAttributes.PropertyNameOf(symbol);
        var include = JsonAttributes.Has(symbol, JsonAttributes.Include);
        var isCSharpRequired = symbol switch
        {
            IPropertySymbol property => property.IsRequired,
            IFieldSymbol field => field.IsRequired,
            _ => false,
        };

        return new MemberShape
        {
            ClrName = symbol.Name,
            JsonPropertyName = jsonName,
            WireName = jsonName ?? TypeNames.CamelCase(symbol.Name),
            TypeFqn = TypeNames.Fqn(memberType),
            DeclaringTypeFqn = TypeNames.Fqn(symbol.ContainingType),
            Kind = member.IsField ? MemberKind.Field : MemberKind.Property,
            IsVirtual = symbol is IPropertySymbol p && (p.IsVirtual || p.IsOverride || p.IsAbstract),
            HasGetter = member.CanGet,
            UnreachableIncludeGetter = member.UnreachableIncludeGetter,
            UnreachableIncludeSetter = member.UnreachableIncludeSetter,
            Setter = member.ThroughUnsafeAccessor && member.Setter == SetterKind.Init ? SetterKind.Setter : member.Setter,
            // [JsonRequired] always; C# required unless the constructor says it sets them ([SetsRequiredMembers]).
            IsRequired = !member.IsIgnored && (JsonAttributes.Has(symbol, JsonAttributes.Required) || (isCSharpRequired && !setsRequired)),
            Ignore = member.Ignore,
            HasJsonInclude = include,
            IsExtensionData = JsonAttributes.Has(symbol, JsonAttributes.ExtensionData),
            NumberHandling = JsonAttributes.NumberHandlingOf(symbol),
            ObjectCreationHandling = JsonAttributes.ObjectCreationHandlingOf(symbol),
            Converter = converter,
            ConverterUnderlyingFqn = converterUnderlying,
            Order = JsonAttributes.OrderOf(symbol),
            ThroughUnsafeAccessor = member.ThroughUnsafeAccessor,
            // An init accessor called through [UnsafeAccessor] works like a setter.
            TypeIsValueType = memberType.IsValueType,
            TypeIsNullableValueType = memberType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T },
            Nullability = SchemaFacts.Nullability(memberType),
            OnFastPath = member.CanGet && !member.IsIgnored && (!member.IsField || include),
        };
    }

    private static (CreationKind, EquatableArray<ParameterShape>, int) ReadCreation(INamedTypeSymbol type, IMethodSymbol? constructor, bool setsRequired, List<MemberShape> members)
    {
        if (constructor is null && !(type.IsValueType && !type.IsAbstract))
        {
            return (CreationKind.None, EquatableArray<ParameterShape>.Empty, 0);
        }

        var parameters = new List<ParameterShape>();
        var bound = new HashSet<string>(System.StringComparer.Ordinal);
        if (constructor is not null)
        {
            foreach (var parameter in constructor.Parameters)
            {
                var parameterFqn = TypeNames.Fqn(parameter.Type);
                MemberShape? match = null;
                foreach (var shape in members)
                {
                    if (string.Equals(shape.ClrName, parameter.Name, System.StringComparison.OrdinalIgnoreCase) && shape.TypeFqn == parameterFqn)
                    {
                        match = shape;
                        break;
                    }
                }

                if (match is null || parameter.RefKind != RefKind.None)
                {
                    // A parameter that binds to no member: System.Text.Json cannot use this constructor.
                    return (CreationKind.None, EquatableArray<ParameterShape>.Empty, 0);
                }

                bound.Add(match.ClrName);
                parameters.Add(new ParameterShape
                {
                    Name = parameter.Name,
                    TypeFqn = parameterFqn,
                    DefaultValue = DefaultValue(parameter),
                    IsConstructorParameter = true,
                });
            }
        }

        var constructorCount = parameters.Count;
        foreach (var shape in members)
        {
            if (bound.Contains(shape.ClrName) || shape.Setter == SetterKind.None || shape.Ignore == IgnoreCondition.Always || shape.ThroughUnsafeAccessor)
            {
                continue;
            }

            // Init-only and C# required members are set in the creator's object initializer, as System.Text.Json's generator does.
            if (shape.Setter == SetterKind.Init || (IsCSharpRequired(type, shape.ClrName) && !setsRequired))
            {
                parameters.Add(new ParameterShape { Name = shape.ClrName, TypeFqn = shape.TypeFqn, IsConstructorParameter = false });
            }
        }

        return parameters.Count == 0
            ? (CreationKind.Parameterless, EquatableArray<ParameterShape>.Empty, 0)
            : (CreationKind.Parameterized, parameters.ToEquatableArray(), constructorCount);
    }

    private static bool IsCSharpRequired(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A C# literal of the parameter's default value, or null when it has none (or none that can be spelled).</summary>
    private static string? DefaultValue(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return null;
        }

        var value = parameter.ExplicitDefaultValue;
        if (value is null)
        {
            return "null";
        }

        var literal = value switch
        {
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            bool b => b ? "true" : "false",
            float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
            double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
            long l => l.ToString(CultureInfo.InvariantCulture) + "L",
            ulong ul => ul.ToString(CultureInfo.InvariantCulture) + "UL",
            uint ui => ui.ToString(CultureInfo.InvariantCulture) + "U",
            System.IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => null,
        };

        if (literal is null || (value is float or double && literal.Contains("N")))
        {
            return null;
        }

        var target = parameter.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n ? n.TypeArguments[0] : parameter.Type;
        if (target.TypeKind == TypeKind.Enum || value is byte or sbyte or short or ushort)
        {
            literal = "(" + TypeNames.Fqn(target) + ")(" + literal + ")";
        }

        return literal;
    }

    private static void StableSortByOrder(List<MemberShape> members)
    {
        // Insertion sort: stable, and the lists are short.
        for (var i = 1; i < members.Count; i++)
        {
            var item = members[i];
            var j = i - 1;
            while (j >= 0 && members[j].Order > item.Order)
            {
                members[j + 1] = members[j];
                j--;
            }

            members[j + 1] = item;
        }
    }
}
