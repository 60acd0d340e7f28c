using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutboxSample.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inngest_outbox",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    order_key = table.Column<long>(type: "INTEGER", nullable: false),
                    group_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    event_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    event_id = table.Column<string>(type: "TEXT", nullable: false),
                    data = table.Column<string>(type: "TEXT", nullable: false),
                    user_json = table.Column<string>(type: "TEXT", nullable: true),
                    ts = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<string>(type: "TEXT", nullable: true),
                    enqueued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    lease_token = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    lease_until = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", nullable: true),
                    last_status_code = table.Column<int>(type: "INTEGER", nullable: true),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inngest_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Customer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "inngest_outbox_group_status",
                table: "inngest_outbox",
                columns: new[] { "group_id", "status" });

            migrationBuilder.CreateIndex(
                name: "inngest_outbox_status_order",
                table: "inngest_outbox",
                columns: new[] { "status", "order_key" });

            migrationBuilder.CreateIndex(
                name: "inngest_outbox_status_sent",
                table: "inngest_outbox",
                columns: new[] { "status", "sent_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inngest_outbox");

            migrationBuilder.DropTable(
                name: "Orders");
        }
    }
}
