/* test_lang.c: telling a text's language, and preference lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "text/lang.h"

#define LANG_IS(text, want) assert_string_equal(lang_detect((text), strlen(text)), (want))

static void
test_detect(void **state)
{
	(void)state;
	LANG_IS("Voila는 자율적 상호작용과 음성 롤플레이(Voice Role-Play)를 위한 실시간 모델입니다.", "ko");
	LANG_IS("The paper introduces Voila, a family of voice-language models.", "en");
	LANG_IS("", "en");
	LANG_IS("12345 -- !!", "en");
	/* Chinese with English terms in it */
	LANG_IS("提出格式解耦强化学习（FD-RL）方法，通过熵基数据过滤和格式解耦奖励机制优化OCR模型。", "zh");
	/* Japanese: Han with kana */
	LANG_IS("報酬モデリングはRLHF/RLAIFの中核コンポーネント。人間ラベル選好データに依存する。", "ja");
	LANG_IS("Мы предлагаем новый метод обучения языковых моделей.", "und-Cyrl");
	LANG_IS("Προτείνουμε μια νέα μέθοδο.", "und-Grek");
	LANG_IS("نقترح طريقة جديدة لتدريب النماذج", "und-Arab");
	/* a stray word of another script does not make the text that language */
	LANG_IS("We evaluate on the 中文 split of the benchmark with many English words around it.", "en");
	LANG_IS("A summary that names 東京 once, in a long English sentence about models.", "en");
}

static void
test_names(void **state)
{
	(void)state;
	assert_string_equal(lang_name("zh"), "Chinese");
	assert_string_equal(lang_name("ja"), "Japanese");
	assert_string_equal(lang_name("und-Cyrl"), "Cyrillic script");
	assert_string_equal(lang_name("xx"), "xx");
}

static void
test_rank(void **state)
{
	const char *bad;

	(void)state;
	assert_int_equal(lang_rank("ko,en", "ko"), 0);
	assert_int_equal(lang_rank("ko,en", "en"), 1);
	assert_int_equal(lang_rank(" ko , EN ", "en"), 1);
	assert_int_equal(lang_rank("ko,en", "zh"), -1);
	assert_int_equal(lang_rank("ko", "k"), -1);
	assert_int_equal(lang_rank(NULL, "en"), -1);
	assert_int_equal(lang_rank("zh,und-Cyrl", "und-Cyrl"), 1);
	assert_true(lang_list_ok("ko,en", &bad));
	assert_true(lang_list_ok("zh", &bad));
	assert_true(lang_list_ok("und-Cyrl, en", &bad));
	assert_false(lang_list_ok("", &bad));
	assert_false(lang_list_ok("ko,,en", &bad));
	assert_false(lang_list_ok("ko,english", &bad));
	assert_string_equal(bad, "english");
	assert_false(lang_list_ok("k0", &bad));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_rank),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
