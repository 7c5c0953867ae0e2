package de.henk.hub.events;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents Kafka protocol binding names the event format in the record header {@code content-type}, and
 * Kafka header names are case-sensitive: consumers and the CloudEvents SDKs look up exactly that name, and a record
 * without it is no structured-mode event to them. Camel spells the header it carries as {@code Content-Type}
 * whatever a route writes (its header map keeps one spelling of well-known names), so this interceptor of the Kafka
 * client writes it with the binding's name just before the record is sent. Camel hands component-wide interceptor
 * classes to consumers too ({@code camel.component.kafka.interceptor-classes}); there it passes everything through.
 */
public class CloudEventKafkaHeaders implements ProducerInterceptor<Object, Object>, ConsumerInterceptor<Object, Object> {

    static final String CAMEL_NAME = "Content-Type";
    static final String BINDING_NAME = "content-type";

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        rename(record.headers());
        return record;
    }

    static void rename(Headers headers) {
        Header camel = headers.lastHeader(CAMEL_NAME);
        if (camel != null) {
            headers.remove(CAMEL_NAME);
            headers.remove(BINDING_NAME);
            headers.add(BINDING_NAME, camel.value());
        }
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        return records;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // nothing to do
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // nothing to do
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // no settings
    }
}
