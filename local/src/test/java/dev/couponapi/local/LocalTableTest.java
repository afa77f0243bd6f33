package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.store.Table;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Which existing tables the runner uses: the declared keys, whatever the indexes project beyond them. */
class LocalTableTest {

  private static final CreateTableRequest DECLARED = Table.definition("coupons");

  private static TableDescription existing(ProjectionType listIndexes) {
    List<GlobalSecondaryIndexDescription> indexes = DECLARED.globalSecondaryIndexes().stream()
        .map(index -> describe(index, index.indexName().equals("gsi6") ? ProjectionType.KEYS_ONLY : listIndexes))
        .toList();
    return TableDescription.builder().keySchema(DECLARED.keySchema()).globalSecondaryIndexes(indexes).build();
  }

  private static GlobalSecondaryIndexDescription describe(GlobalSecondaryIndex index, ProjectionType projection) {
    return GlobalSecondaryIndexDescription.builder().indexName(index.indexName()).keySchema(index.keySchema())
        .projection(Projection.builder().projectionType(projection).build()).build();
  }

  @Test
  void theDeclaredShape_isUsed() {
    assertThat(LocalTable.differences(DECLARED, existing(ProjectionType.KEYS_ONLY))).isEmpty();
  }

  @Test
  void aTableMadeWhenTheListIndexesProjectedEverything_isUsedToo() {
    assertThat(LocalTable.differences(DECLARED, existing(ProjectionType.ALL))).isEmpty();
  }

  @Test
  void anIndexWithOtherKeys_isNamed() {
    TableDescription other = existing(ProjectionType.ALL).toBuilder().globalSecondaryIndexes(
        existing(ProjectionType.ALL).globalSecondaryIndexes().stream().map(index -> index.indexName().equals("gsi2")
            ? index.toBuilder().keySchema(DECLARED.globalSecondaryIndexes().get(0).keySchema()).build() : index)
            .toList()).build();
    assertThat(LocalTable.differences(DECLARED, other))
        .containsExactly("index gsi2 is [gsi1pk:HASH, gsi1sk:RANGE] ALL, not [gsi2pk:HASH, gsi1sk:RANGE] KEYS_ONLY");
  }

  @Test
  void aTableMadeBeforeWebhooks_getsItsStream_andKeepsTakingWrites() {
    var dynamo = dev.couponapi.testing.LocalDynamo.client();
    String name = "before-webhooks-" + System.nanoTime();
    dynamo.createTable(Table.definition(name));
    LocalTable.ensure(dynamo, name);
    var described = dynamo.describeTable(request -> request.tableName(name)).table();
    assertThat(described.streamSpecification().streamEnabled()).isTrue();
    assertThat(described.latestStreamArn()).isNotBlank();
    dynamo.putItem(request -> request.tableName(name).item(java.util.Map.of(Table.PK,
        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("acct_x#test#coupon#A"))));
    assertThat(dynamo.getItem(request -> request.tableName(name).key(java.util.Map.of(Table.PK,
        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("acct_x#test#coupon#A")))).hasItem())
        .isTrue();
    LocalTable.ensure(dynamo, name);
  }
}
