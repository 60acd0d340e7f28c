namespace Inngest.Encryption.DependencyInjection;

/// <summary>Marks a container that <c>AddInngestEncryption</c> has already set up, so a second call only adds settings.</summary>
internal sealed class EncryptionRegistration
{
}
