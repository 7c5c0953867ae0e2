package de.henk.hub.support;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** One real Kafka broker (KRaft) in the test JVM, shared by every application context. */
public final class SharedKafka {

    public static final String TOPIC = "henk.events";
    private static final EmbeddedKafkaKraftBroker BROKER = start();

    private SharedKafka() { }

    private static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        return broker;
    }

    public static String brokers() {
        return BROKER.getBrokersAsString();
    }

    public static String producerUri() {
        return "kafka:" + TOPIC + "?brokers=" + brokers();
    }

    public static String notificationConsumerUri() {
        return producerUri() + "&groupId=henk-notifications&autoOffsetReset=earliest";
    }
}
