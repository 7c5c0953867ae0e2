package de.henk.hub.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Group commit on a real H2 file database (as the hub runs it, {@code WRITE_DELAY=0}): work handed in while a commit
 * runs shares the next one; every caller's row is committed — visible to another connection — the moment its call
 * returns; a failing unit fails alone and leaves nothing behind.
 */
class GroupCommitTest {

    private Path folder;
    private String url;
    private JdbcClient db;
    private final AtomicInteger commits = new AtomicInteger();
    private TransactionTemplate tx;

    @BeforeEach
    void database() throws Exception {
        folder = Files.createTempDirectory("group-commit");
        url = "jdbc:h2:file:" + folder.resolve("db") + ";WRITE_DELAY=0";
        DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
        db = JdbcClient.create(dataSource);
        db.sql("create table note (id int primary key, text varchar(100))").update();
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                super.doCommit(status);
                commits.incrementAndGet();
            }
        });
    }

    @AfterEach
    void dropDatabase() throws Exception {
        db.sql("shutdown").update();
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void workHandedInDuringACommitSharesTheNextOne() throws Exception {
        whileALeaderCommits(new GroupCommit(tx, 32), 10, this::insert);

        assertThat(count()).isEqualTo(11);
        assertThat(commits.get()).as("the leader's commit, then one for the ten that waited").isEqualTo(2);
    }

    @Test
    void aCommitTakesAtMostTheConfiguredNumberOfUnits() throws Exception {
        whileALeaderCommits(new GroupCommit(tx, 3), 10, this::insert);

        assertThat(count()).isEqualTo(11);
        assertThat(commits.get()).as("1 + ceil(10 / 3)").isEqualTo(5);
    }

    @Test
    void aFailingUnitFailsAloneAndLeavesNothingBehind() throws Exception {
        insert(99);
        List<Throwable> failures = whileALeaderCommits(new GroupCommit(tx, 32), 6, id -> {
            insert(id * 10);
            if (id == 3) {
                insert(99); // taken: this unit fails, its first row must go with it
            }
        });

        assertThat(failures).singleElement().isInstanceOf(DuplicateKeyException.class);
        assertThat(ids()).containsExactlyInAnyOrder(0, 10, 20, 40, 50, 60, 99);
    }

    @Test
    void everyCallersWorkIsCommittedWhenItsCallReturns() throws Exception {
        GroupCommit group = new GroupCommit(tx, 32);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> callers = new ArrayList<>();
        AtomicInteger ids = new AtomicInteger();
        for (int t = 0; t < 8; t++) {
            callers.add(start(() -> {
                try (Connection other = DriverManager.getConnection(url, "sa", "")) {
                    for (int i = 0; i < 100; i++) {
                        int id = ids.incrementAndGet();
                        group.execute(() -> insert(id));
                        try (ResultSet row = other.createStatement()
                                .executeQuery("select count(*) from note where id = " + id)) {
                            row.next();
                            assertThat(row.getInt(1)).as("row %d seen by another connection", id).isEqualTo(1);
                        }
                    }
                } catch (Exception | AssertionError e) {
                    failures.add(e);
                }
            }));
        }
        callers.forEach(GroupCommitTest::join);

        assertThat(failures).isEmpty();
        assertThat(count()).isEqualTo(800);
        assertThat(commits.get()).isBetween(1, 800);
    }

    @Test
    void insideTheCallersOwnTransactionTheWorkBelongsToIt() {
        GroupCommit group = new GroupCommit(tx, 32);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            group.execute(() -> insert(1));
            throw new IllegalStateException("the caller's transaction fails");
        })).hasMessageContaining("caller's transaction fails");

        assertThat(count()).isZero();
    }

    @Test
    void oneUnitPerCommitIsATransactionOfItsOwnOnTheCallersThread() {
        GroupCommit group = new GroupCommit(tx, 1);
        Thread caller = Thread.currentThread();
        group.execute(() -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            insert(1);
        });
        group.execute(() -> insert(2));

        assertThat(ids()).containsExactlyInAnyOrder(1, 2);
        assertThat(commits.get()).isEqualTo(2);
    }

    @Test
    void aCommitHoldsAtLeastOneUnit() {
        assertThatThrownBy(() -> new GroupCommit(tx, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A leader commits row 0 and is held inside its transaction while {@code followers} threads hand in
     * {@code work(1..followers)}; then it is let go. Returns what the followers' calls threw.
     */
    private static List<Throwable> whileALeaderCommits(GroupCommit group, int followers,
                                                       java.util.function.IntConsumer work) throws Exception {
        CountDownLatch leaderInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread leader = start(() -> group.execute(() -> {
            work.accept(0);
            leaderInside.countDown();
            awaitLatch(release);
        }));
        assertThat(leaderInside.await(10, TimeUnit.SECONDS)).isTrue();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> waiting = new ArrayList<>();
        for (int i = 1; i <= followers; i++) {
            int id = i;
            waiting.add(start(() -> {
                try {
                    group.execute(() -> work.accept(id));
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        awaitWaiting(waiting);
        release.countDown();
        join(leader);
        waiting.forEach(GroupCommitTest::join);
        return failures;
    }

    private void insert(int id) {
        db.sql("insert into note (id, text) values (:id, :text)").param("id", id).param("text", "note " + id).update();
    }

    private int count() {
        return db.sql("select count(*) from note").query(Integer.class).single();
    }

    private List<Integer> ids() {
        return db.sql("select id from note").query(Integer.class).list();
    }

    private static Thread start(Runnable task) {
        Thread thread = new Thread(task);
        thread.start();
        return thread;
    }

    /** The followers have handed their work in and wait for a leader (parked). */
    private static void awaitWaiting(List<Thread> followers) {
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> followers.stream()
                .allMatch(f -> f.getState() == Thread.State.TIMED_WAITING || f.getState() == Thread.State.WAITING));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(thread.isAlive()).isFalse();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
