using Inngest.Generators.Model;

namespace Inngest.Generators.Emitting;

/// <summary>
/// Emits, into the partial type of an event that upgrades from an earlier version, the members that let parsing walk
/// its upgrade chain without reflection: <c>HasEarlierVersion</c> and <c>TryReadEarlierVersion</c>, which hands the
/// received data to the runtime's chain step for (this type, its previous version).
/// </summary>
internal static class UpgradeEmitter
{
    public static void Emit(SourceWriter w, EventModel model, string iface, string self)
    {
        if (model.PreviousVersionFqn is not { } previous)
        {
            return;
        }

        w.Lines($$"""

            static bool {{iface}}.HasEarlierVersion => true;

            static bool {{iface}}.TryReadEarlierVersion(global::Inngest.InngestEventDataReader reader, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {{self}} value)
                => global::Inngest.InngestEventDataReader.Upgrade<{{self}}, {{previous}}>(reader, out value);
            """);
    }
}
