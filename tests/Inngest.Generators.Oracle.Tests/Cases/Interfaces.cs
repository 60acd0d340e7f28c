// Interface-typed members that are not collections: System.Text.Json writes the interface's own
// properties (declared type) and cannot read them (no creator), unless they are polymorphic.
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.Interfaces;

public interface INamed
{
    string Name { get; }
}

public interface IAged : INamed
{
    int Age { get; }
}

public sealed record Person(string Name, int Age, string Secret) : IAged;

[JsonPolymorphic]
[JsonDerivedType(typeof(EmailContact), "email")]
[JsonDerivedType(typeof(PhoneContact), "phone")]
public interface IContact;

public sealed record EmailContact(string Address) : IContact;

public sealed record PhoneContact(string Number) : IContact;

[InngestEvent("oracle/interfaces.plain")]
[OracleInput("""{"who":{"name":"n"}}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"who":null}""", Expect = OracleExpectation.Reads)]
public sealed partial record PlainInterface(INamed? Who, IAged? Aged, List<INamed>? Many);

[InngestEvent("oracle/interfaces.polymorphic")]
[OracleInput("""{"contact":{"$type":"phone","number":"1"},"contacts":[{"$type":"email","address":"a@b"}]}""", Expect = OracleExpectation.Reads)]
public sealed partial record PolymorphicInterface(IContact? Contact, List<IContact>? Contacts);
