-- CreateIndex
CREATE INDEX "QuizAttempt_quizVersion_status_idx" ON "QuizAttempt"("quizVersion", "status");
