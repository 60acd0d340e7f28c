// What System.Text.Json's own generator cannot describe (it reports a SYSLIB warning): for each case our
// analyzers must report a diagnostic for the same member (issue row 9 and its neighbours).
using System.Text.Json.Serialization;
using Inngest;

namespace Oracle.OracleLimits;

// Row 9: [JsonInclude] on a property with a private setter (STJ's generator: SYSLIB1038).
[InngestEvent("oracle/limits.private-setter")]
public sealed partial class IncludePrivateSetter
{
    [JsonInclude]
    public string? Status { get; private set; }
}

// Row 9: [JsonInclude] on a private field.
[InngestEvent("oracle/limits.private-field")]
public sealed partial class IncludePrivateField
{
    [JsonInclude]
    private string? _secret;

    public string? Secret => _secret;

    public void Set(string value) => _secret = value;
}

// [JsonInclude] on a private property.
[InngestEvent("oracle/limits.private-property")]
public sealed partial class IncludePrivateProperty
{
    [JsonInclude]
    private int Hidden { get; set; }

    public int Visible { get; set; }
}

// [JsonConstructor] on a private constructor.
[InngestEvent("oracle/limits.private-ctor")]
public sealed partial class PrivateMarkedConstructor
{
    [JsonConstructor]
    private PrivateMarkedConstructor(string id) => Id = id;

    public string Id { get; }
}

// Two [JsonExtensionData] members.
[InngestEvent("oracle/limits.two-extension-data")]
public sealed partial class TwoExtensionData
{
    [JsonExtensionData]
    public System.Collections.Generic.Dictionary<string, object>? A { get; set; }

    [JsonExtensionData]
    public System.Collections.Generic.Dictionary<string, object>? B { get; set; }
}

// Two [JsonConstructor] constructors.
[InngestEvent("oracle/limits.two-marked-ctors")]
public sealed partial class TwoMarkedConstructors
{
    [JsonConstructor]
    public TwoMarkedConstructors(string id) => Id = id;

    [JsonConstructor]
    public TwoMarkedConstructors(string id, int total)
    {
        Id = id;
        Total = total;
    }

    public string Id { get; }

    public int Total { get; }
}

// [JsonExtensionData] on a dictionary whose values are not object or JsonElement.
[InngestEvent("oracle/limits.extension-data-of-int")]
public sealed partial class ExtensionDataOfInt
{
    public string? Name { get; set; }

    [JsonExtensionData]
    public System.Collections.Generic.Dictionary<string, int>? Extra { get; set; }
}
