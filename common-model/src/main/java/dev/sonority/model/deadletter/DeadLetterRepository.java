package dev.sonority.model.deadletter;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Dead letters, newest first. */
public interface DeadLetterRepository extends JpaRepository<DeadLetter, Long> {

    Page<DeadLetter> findAllByOrderByCreatedAtDesc(Pageable pageable);
}
