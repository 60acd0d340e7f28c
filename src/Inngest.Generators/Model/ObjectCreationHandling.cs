namespace Inngest.Generators.Model;

/// <summary>System.Text.Json's JsonObjectCreationHandling.</summary>
internal enum ObjectCreationHandling
{
    Replace,
    Populate,
}
