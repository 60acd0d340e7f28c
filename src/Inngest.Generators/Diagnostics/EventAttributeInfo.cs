using System.Threading;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Generators.Diagnostics;

/// <summary>
/// What one <c>[InngestEvent]</c> application says (name, Version, MethodName, read from the bound
/// attribute so constants work) and where each part is written, for the analyzers' diagnostics.
/// Lives only inside an analyzer callback; never in the generator pipeline.
/// </summary>
internal sealed class EventAttributeInfo
{
    private EventAttributeInfo(
        INamedTypeSymbol type,
        string? name,
        string? version,
        bool hasVersion,
        string? methodName,
        bool hasMethodName,
        Location identifierLocation,
        Location nameLocation,
        Location versionLocation,
        Location methodNameLocation,
        bool receiveOnly)
    {
        ReceiveOnly = receiveOnly;
        Type = type;
        Name = name;
        Version = version;
        HasVersion = hasVersion;
        MethodName = methodName;
        HasMethodName = hasMethodName;
        IdentifierLocation = identifierLocation;
        NameLocation = nameLocation;
        VersionLocation = versionLocation;
        MethodNameLocation = methodNameLocation;
    }

    /// <summary>A display format that shows containing types: <c>Outer.Inner</c>, <c>Box&lt;T&gt;</c>.</summary>
    public static readonly SymbolDisplayFormat TypeFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    /// <summary>As <see cref="TypeFormat"/> plus the namespace, to tell apart same-named types: <c>Billing.Outer.Inner</c>.</summary>
    public static readonly SymbolDisplayFormat QualifiedTypeFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    public INamedTypeSymbol Type { get; }

    public string DisplayName => Type.ToDisplayString(TypeFormat);

    public string QualifiedName => Type.ToDisplayString(QualifiedTypeFormat);

    /// <summary>The constructor argument's value (a literal or a constant).</summary>
    public string? Name { get; }

    public string? Version { get; }

    /// <summary>True when <c>Version</c> is assigned a non-null value.</summary>
    public bool HasVersion { get; }

    public string? MethodName { get; }

    /// <summary>True when <c>MethodName</c> is assigned a non-null value.</summary>
    public bool HasMethodName { get; }

    /// <summary>True when <c>ReceiveOnly = true</c>: no send method is generated, and the reserved prefix is allowed.</summary>
    public bool ReceiveOnly { get; }

    /// <summary>The identifier of the declaration carrying the attribute.</summary>
    public Location IdentifierLocation { get; }

    /// <summary>The name argument expression (the attribute itself when it cannot be found).</summary>
    public Location NameLocation { get; }

    /// <summary>The <c>Version</c> value expression, or <see cref="NameLocation"/> when absent.</summary>
    public Location VersionLocation { get; }

    /// <summary>The <c>MethodName</c> value expression, or <see cref="IdentifierLocation"/> when absent.</summary>
    public Location MethodNameLocation { get; }

    /// <summary>The name of the generated send method's middle part (MethodName, or the type name without "Event").</summary>
    public string EffectiveMethodName => EventTypeRules.MethodNameFor(Type.Name, MethodName);

    /// <summary>Reads the <c>[InngestEvent]</c> on <paramref name="type"/>; null when it has none or it does not bind.</summary>
    public static EventAttributeInfo? TryRead(INamedTypeSymbol type, INamedTypeSymbol attributeType, CancellationToken cancellationToken)
    {
        AttributeData? attribute = null;
        foreach (var candidate in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.AttributeClass, attributeType))
            {
                attribute = candidate;
                break;
            }
        }

        // A missing or mistyped argument is a compiler error already; there is nothing to check then.
        if (attribute is null || attribute.AttributeConstructor is null || EventTypeRules.ReadArguments(attribute) is not var (name, version, methodName))
        {
            return null;
        }

        var identifierLocation = type.Locations.Length > 0 ? type.Locations[0] : Location.None;
        var nameLocation = identifierLocation;
        Location? versionLocation = null;
        Location? methodNameLocation = null;
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax)
        {
            nameLocation = syntax.GetLocation();
            if (syntax.Parent?.Parent is BaseTypeDeclarationSyntax declaration)
            {
                identifierLocation = declaration.Identifier.GetLocation();
            }

            if (syntax.ArgumentList is { } arguments)
            {
                var positionalSeen = false;
                foreach (var argument in arguments.Arguments)
                {
                    if (argument.NameEquals is null)
                    {
                        if (!positionalSeen)
                        {
                            nameLocation = argument.Expression.GetLocation();
                            positionalSeen = true;
                        }
                    }
                    else if (argument.NameEquals.Name.Identifier.ValueText == "Version")
                    {
                        versionLocation = argument.Expression.GetLocation();
                    }
                    else if (argument.NameEquals.Name.Identifier.ValueText == "MethodName")
                    {
                        methodNameLocation = argument.Expression.GetLocation();
                    }
                }
            }
        }

        return new EventAttributeInfo(
            type,
            name,
            version,
            version is not null,
            methodName,
            methodName is not null,
            identifierLocation,
            nameLocation,
            versionLocation ?? nameLocation,
            methodNameLocation ?? identifierLocation,
            ReceivingRules.ReadReceiveOnly(attribute));
    }
}
