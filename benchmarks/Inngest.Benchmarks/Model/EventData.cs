using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Inngest.Benchmarks.Model;

// Stand-in for the generator until it lands: IInngestEventData over System.Text.Json's own
// source-generated metadata, with the generator's defaults (camelCase, nulls written).

public sealed partial record AccountCreated : IInngestEventData<AccountCreated>
{
    public static string EventName => "app/account.created";

    public static string? EventVersion => null;

    public static JsonTypeInfo<AccountCreated> JsonTypeInfo => EventDataJson.Default.AccountCreated;
}

public sealed partial record OrderPlaced : IInngestEventData<OrderPlaced>
{
    public static string EventName => "shop/order.placed";

    public static string? EventVersion => "2024-05-15.1";

    public static JsonTypeInfo<OrderPlaced> JsonTypeInfo => EventDataJson.Default.OrderPlaced;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AccountCreated))]
[JsonSerializable(typeof(OrderPlaced))]
internal sealed partial class EventDataJson : JsonSerializerContext
{
}
