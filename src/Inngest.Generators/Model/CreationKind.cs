namespace Inngest.Generators.Model;

/// <summary>How the deserializer creates an object.</summary>
internal enum CreationKind
{
    /// <summary>It cannot (abstract, interface, no usable constructor): reading throws NotSupportedException, as with System.Text.Json.</summary>
    None,
    Parameterless,
    Parameterized,
}
