namespace Inngest.Generators.Model;

/// <summary>
/// The JsonMetadataServices factory a collection's metadata comes from, chosen in the order
/// System.Text.Json's own generator tries them.
/// </summary>
internal enum CollectionKind
{
    None,
    Array,
    List,
    Dictionary,
    ImmutableDictionary,
    IDictionary,
    IReadOnlyDictionary,
    ImmutableEnumerable,
    IList,
    ISet,
    ICollection,
    Stack,
    Queue,
    ConcurrentStack,
    ConcurrentQueue,
    IEnumerable,
    Memory,
    ReadOnlyMemory,
}
