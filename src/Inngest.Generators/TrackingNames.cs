namespace Inngest.Generators;

/// <summary>Names of the tracked pipeline steps, for the caching tests.</summary>
internal static class TrackingNames
{
    public const string Events = "InngestEvents";
    public const string GeneratableEvents = "InngestGeneratableEvents";
    public const string NonNullEvents = "InngestNonNullEvents";
    public const string CollectedEvents = "InngestCollectedEvents";
    public const string AssemblyName = "InngestAssemblyName";
    public const string EventsWithAssembly = "InngestEventsWithAssembly";
    public const string AllEvents = "InngestAllEvents";
    public const string ContextInput = "InngestContextInput";
    public const string ReferencedEvents = "InngestReferencedEvents";
    public const string RegistryInput = "InngestRegistryInput";
}
