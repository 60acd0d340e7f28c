// [JsonPolymorphic] / [JsonDerivedType]: on members, in collections, on the event type itself,
// abstract and concrete bases, string and int discriminators, custom discriminator names, fallbacks.
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.Polymorphism;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Circle), "circle")]
[JsonDerivedType(typeof(Square), "square")]
public abstract record Shape(string? Label);

public sealed record Circle(string? Label, double Radius) : Shape(Label);

public sealed record Square(string? Label, double Side) : Shape(Label);

// A concrete base: the base itself is written without a discriminator; int discriminators.
[JsonDerivedType(typeof(Animal))]
[JsonDerivedType(typeof(Dog), 1)]
[JsonDerivedType(typeof(Cat), 2)]
public class Animal
{
    public string? Name { get; set; }
}

public sealed class Dog : Animal
{
    public bool GoodBoy { get; set; }
}

public sealed class Cat : Animal
{
    public int Lives { get; set; }
}

// Unknown derived types fall back to the base; unknown discriminators are ignored on read.
[JsonPolymorphic(UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FallBackToBaseType, IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(KnownVehicle), "known")]
public class Vehicle
{
    public int Wheels { get; set; }
}

public sealed class KnownVehicle : Vehicle
{
    public string? Model { get; set; }
}

public sealed class UnlistedVehicle : Vehicle
{
    public string? Secret { get; set; }
}

// Nested: a derived type that itself holds polymorphic members.
[JsonPolymorphic]
[JsonDerivedType(typeof(Leaf), "leaf")]
[JsonDerivedType(typeof(Branch), "branch")]
public abstract class Node;

public sealed class Leaf : Node
{
    public int Value { get; set; }
}

public sealed class Branch : Node
{
    public List<Node> Children { get; set; } = new();
}

[InngestEvent("oracle/poly.member")]
[OracleInput("""{"shape":{"kind":"square","label":"s","side":2}}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"shape":{"label":"s","kind":"square","side":2}}""")]
[OracleInput("""{"shape":{"kind":"hexagon"}}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"shape":{"kind":7}}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"shape":{"label":"no kind"}}""", Expect = OracleExpectation.Throws)]
public sealed partial record PolyAbstractMember(Shape? Shape);

[InngestEvent("oracle/poly.concrete")]
[OracleInput("""{"pet":{"$type":2,"name":"tom","lives":9}}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"pet":{"name":"plain"}}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"pet":{"$type":"2","name":"tom"}}""")]
public sealed partial record PolyConcreteBase(Animal? Pet);

[InngestEvent("oracle/poly.collections")]
[OracleInput("""{"shapes":[{"kind":"circle","radius":1},{"kind":"square","side":2}],"byName":{"a":{"kind":"circle","radius":3}},"pets":[{"$type":1,"goodBoy":true}]}""", Expect = OracleExpectation.Reads)]
public sealed partial record PolyCollections(List<Shape> Shapes, Dictionary<string, Shape> ByName, Animal[] Pets);

[InngestEvent("oracle/poly.fallback")]
[OracleInput("""{"vehicle":{"$type":"unknown","wheels":3}}""", Expect = OracleExpectation.Reads)]
public sealed partial record PolyFallback(Vehicle? Vehicle);

[InngestEvent("oracle/poly.nested")]
[OracleInput("""{"root":{"$type":"branch","children":[{"$type":"leaf","value":1},{"$type":"branch","children":[]}]}}""", Expect = OracleExpectation.Reads)]
public sealed partial record PolyNested(Node? Root);

// The event type itself is polymorphic (abstract base).
[InngestEvent("oracle/poly.event-abstract")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PaymentSucceeded), "succeeded")]
[JsonDerivedType(typeof(PaymentFailed), "failed")]
[OracleInput("""{"type":"failed","paymentId":"p","reason":"card"}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"paymentId":"p"}""", Expect = OracleExpectation.Throws)]
public abstract partial record PolyEventAbstract(string PaymentId);

public sealed record PaymentSucceeded(string PaymentId, decimal Amount) : PolyEventAbstract(PaymentId);

public sealed record PaymentFailed(string PaymentId, string Reason) : PolyEventAbstract(PaymentId);

// The event type itself is polymorphic (concrete base).
[InngestEvent("oracle/poly.event-concrete")]
[JsonDerivedType(typeof(PolyEventConcrete), "base")]
[JsonDerivedType(typeof(UpgradedPlan), "upgraded")]
[OracleInput("""{"$type":"upgraded","plan":"pro","from":"free"}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"plan":"pro"}""", Expect = OracleExpectation.Reads)]
public partial record PolyEventConcrete(string Plan);

public sealed record UpgradedPlan(string Plan, string From) : PolyEventConcrete(Plan);

public static class Samples
{
    public static IEnumerable<PolyAbstractMember> Members() => [new(new Circle("c", 1.5)), new(new Square(null, 2)), new(null)];

    public static IEnumerable<PolyConcreteBase> Concrete() => [new(new Animal { Name = "a" }), new(new Dog { Name = "d", GoodBoy = true }), new(new Cat { Lives = 9 })];

    public static IEnumerable<PolyFallback> Fallback() => [new(new UnlistedVehicle { Wheels = 3, Secret = "s" }), new(new KnownVehicle { Wheels = 4, Model = "m" }), new(new Vehicle { Wheels = 2 })];

    public static IEnumerable<PolyEventAbstract> EventAbstract() => [new PaymentSucceeded("p1", 9.99m), new PaymentFailed("p2", "card")];

    public static IEnumerable<PolyEventConcrete> EventConcrete() => [new PolyEventConcrete("free"), new UpgradedPlan("pro", "free")];
}
