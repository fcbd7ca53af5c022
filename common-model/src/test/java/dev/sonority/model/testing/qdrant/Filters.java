package dev.sonority.model.testing.qdrant;

import io.grpc.Status;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;

/**
 * Qdrant's filter semantics for the conditions Sonority uses: must (all), must_not (none), should (at least
 * one, when present), has_id, nested filters and exact field matches (keyword, integer, boolean). Any other
 * condition fails the call with UNIMPLEMENTED, so a test notices what the fake does not cover.
 */
final class Filters {

    private Filters() {
    }

    static boolean accepts(Filter filter, QdrantState.StoredPoint point) {
        for (Condition c : filter.getMustList()) {
            if (!matches(c, point)) {
                return false;
            }
        }
        for (Condition c : filter.getMustNotList()) {
            if (matches(c, point)) {
                return false;
            }
        }
        if (filter.getShouldCount() > 0) {
            return filter.getShouldList().stream().anyMatch(c -> matches(c, point));
        }
        return true;
    }

    private static boolean matches(Condition condition, QdrantState.StoredPoint point) {
        return switch (condition.getConditionOneOfCase()) {
            case HAS_ID -> condition.getHasId().getHasIdList().stream().map(Filters::num)
                    .anyMatch(id -> id == point.id());
            case FILTER -> accepts(condition.getFilter(), point);
            case FIELD -> field(condition.getField(), point);
            default -> throw Status.UNIMPLEMENTED.withDescription("in-process Qdrant: condition "
                    + condition.getConditionOneOfCase() + " is not implemented").asRuntimeException();
        };
    }

    private static boolean field(FieldCondition field, QdrantState.StoredPoint point) {
        if (!field.hasMatch()) {
            throw Status.UNIMPLEMENTED.withDescription("in-process Qdrant: only match field conditions")
                    .asRuntimeException();
        }
        Value value = point.payload().get(field.getKey());
        if (value == null) {
            return false;
        }
        Match match = field.getMatch();
        return switch (match.getMatchValueCase()) {
            case KEYWORD -> value.hasStringValue() && value.getStringValue().equals(match.getKeyword());
            case INTEGER -> value.hasIntegerValue() && value.getIntegerValue() == match.getInteger();
            case BOOLEAN -> value.hasBoolValue() && value.getBoolValue() == match.getBoolean();
            default -> throw Status.UNIMPLEMENTED.withDescription("in-process Qdrant: match "
                    + match.getMatchValueCase() + " is not implemented").asRuntimeException();
        };
    }

    static long num(PointId id) {
        if (id.getPointIdOptionsCase() != PointId.PointIdOptionsCase.NUM) {
            throw Status.UNIMPLEMENTED.withDescription("in-process Qdrant: only numeric point ids")
                    .asRuntimeException();
        }
        return id.getNum();
    }
}
