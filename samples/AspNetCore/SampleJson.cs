using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Inngest.Samples.AspNetCore;

/// <summary>JSON metadata for the API's own request and response bodies (AOT-friendly).</summary>
[JsonSerializable(typeof(SignupRequest))]
[JsonSerializable(typeof(SignupResponse))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(ProblemDetails))]
internal sealed partial class SampleJson : JsonSerializerContext
{
}
